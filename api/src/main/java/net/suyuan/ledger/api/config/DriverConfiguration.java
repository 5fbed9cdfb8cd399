package net.suyuan.ledger.api.config;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.extension.Extension;
import java.util.List;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Driver settings beyond the URL: the codec for {@link BinaryBytea} parameters. */
@Configuration(proxyBeanMethods = false)
public class DriverConfiguration {

  @Bean
  ConnectionFactoryOptionsBuilderCustomizer binaryByteaCodec() {
    return options ->
        options.option(
            PostgresqlConnectionFactoryProvider.EXTENSIONS,
            List.<Extension>of(BinaryBytea.registrar()));
  }
}
