package dev.verbatim.testsupport;

/** The four distinct flite voices, each standing for one meeting participant. */
public enum Voice {
  SLT("slt"),
  KAL("kal"),
  AWB("awb"),
  RMS("rms");

  private final String fliteName;

  Voice(String fliteName) {
    this.fliteName = fliteName;
  }

  String fliteName() {
    return fliteName;
  }
}
