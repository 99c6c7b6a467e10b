package dev.godwit.cli;

import picocli.CommandLine.IVersionProvider;

/** The version {@code --version} prints: the one the runnable jar's manifest records. */
final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Godwit.class.getPackage().getImplementationVersion();
    return new String[] {"godwit " + (version != null ? version : "(development build)")};
  }
}
