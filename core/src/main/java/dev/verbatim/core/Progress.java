package dev.verbatim.core;

/**
 * How far a long piece of work has come.
 *
 * @param stage what is being done, such as {@code transcribe}
 * @param fraction from 0 to 1
 */
public record Progress(String stage, double fraction) {

  public Progress {
    fraction = Math.max(0, Math.min(1, fraction));
  }
}
