package net.suyuan.ledger.api.household;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.suyuan.ledger.core.event.InvisibleCharacters;

/**
 * Text shown to people holds none of the characters the ledger refuses at append (core {@link
 * InvisibleCharacters}: controls, bidirectional overrides, zero-width and other invisible
 * characters), so a profile cannot display as something other than what was stored (issue 11 defect
 * 8). {@code null} is valid: presence is another constraint's job.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = VisibleText.Validator.class)
public @interface VisibleText {
  String message() default "must not contain invisible or bidirectional control characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Names the refused code point and where it is, as the append path does. */
  class Validator implements ConstraintValidator<VisibleText, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      int at = value == null ? -1 : InvisibleCharacters.indexIn(value);
      if (at < 0) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              "contains the invisible or bidirectional control character "
                  + InvisibleCharacters.describe(value.codePointAt(at))
                  + " at index "
                  + at)
          .addConstraintViolation();
      return false;
    }
  }
}
