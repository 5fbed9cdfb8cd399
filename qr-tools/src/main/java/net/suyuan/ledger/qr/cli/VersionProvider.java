package net.suyuan.ledger.qr.cli;

import picocli.CommandLine;

/** Version from the jar manifest, so the CLI and the build agree. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = QrCli.class.getPackage().getImplementationVersion();
    return new String[] {"qr " + (version == null ? "(development build)" : version)};
  }
}
