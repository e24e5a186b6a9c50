package dev.verbatim.minutes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A task being built: who it is for is settled once replies have been read. */
final class TaskCandidate {
  final TaskKind kind;
  final Utterance said;
  final int verbAt;
  @Nullable String ownerName;
  @Nullable String ownerSpeakerId;
  @Nullable LocalDate due;

  /** Whether the due date was said as a day ("Thursday"), not a span ("this week"). */
  boolean dueSpecific;

  final List<Utterance> replies = new ArrayList<>();

  /** The same task said in other words by the same person, merged into this one. */
  final List<Utterance> alsoSaid = new ArrayList<>();

  double confidence;

  /** Words the task's text opens with when the work is named, not said with a verb: "work on". */
  @Nullable String lead;

  TaskCandidate(TaskKind kind, Utterance said, int verbAt) {
    this.kind = kind;
    this.said = said;
    this.verbAt = verbAt;
    this.confidence = kind.base;
  }

  boolean awaitsOwner() {
    return kind == TaskKind.REQUEST
        || kind == TaskKind.SOFT_REQUEST
        || kind == TaskKind.OPEN_REQUEST
        || kind == TaskKind.ASSIGNMENT;
  }
}
