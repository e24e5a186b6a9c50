package dev.verbatim.testsupport.evaluation;

import dev.verbatim.core.ActionItem;
import java.util.Locale;
import java.util.Objects;

/** An expected action item and the predicted one the scorer paired it with. */
public record ActionMatch(ExpectedAction expected, ActionItem predicted) {

  /**
   * True when the owners agree, ignoring case; an item the script leaves unowned must have no
   * owner.
   */
  public boolean ownerCorrect() {
    String want = expected.owner();
    String got = predicted.owner();
    if (want == null || got == null) {
      return want == null && got == null;
    }
    return want.strip().toLowerCase(Locale.ROOT).equals(got.strip().toLowerCase(Locale.ROOT));
  }

  /** True when the due dates are the same day, or both absent. */
  public boolean dueCorrect() {
    return Objects.equals(expected.due(), predicted.due());
  }
}
