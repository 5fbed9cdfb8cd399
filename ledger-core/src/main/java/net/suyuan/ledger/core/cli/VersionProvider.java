package net.suyuan.ledger.core.cli;

import picocli.CommandLine;

/** Version from the jar manifest, so the CLI and the build agree. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = LedgerCli.class.getPackage().getImplementationVersion();
    return new String[] {
      "ledger " + (version == null ? "(development build)" : version), "entry format v1"
    };
  }
}
