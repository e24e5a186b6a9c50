package dev.verbatim.core;

/** Where an action item stands; task systems move it along. */
public enum ActionItemStatus {
  OPEN,
  IN_PROGRESS,
  DONE,
  DISMISSED
}
