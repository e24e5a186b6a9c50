package dev.verbatim.minutes;

/** What kind of task a sentence states, with the confidence it starts from. */
enum TaskKind {
  EXPLICIT(0.95),
  COMMITMENT(0.85),
  ASSIGNMENT(0.85),
  REQUEST(0.85),
  SOFT_COMMITMENT(0.6),
  SOFT_REQUEST(0.65),
  OPEN_REQUEST(0.7),
  HAND_OFF(0.8);

  final double base;

  TaskKind(double base) {
    this.base = base;
  }
}
