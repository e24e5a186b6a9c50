package dev.verbatim.server.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, so it is never out of step with the build. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"verbatim " + (version != null ? version : "(development build)")};
  }
}
