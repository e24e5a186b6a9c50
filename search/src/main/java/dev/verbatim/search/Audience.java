package dev.verbatim.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may see a meeting, indexed with it so that access is a filter inside every query rather than
 * a check on its results.
 *
 * @param ownerId the person who uploaded it; null for a meeting that only admins see
 * @param organisation whether everyone in the organisation may see it
 * @param members the people it is shared with
 */
public record Audience(@Nullable String ownerId, boolean organisation, Set<String> members) {

  /** A meeting nobody but admins may see. */
  public static final Audience ADMINS = new Audience(null, false, Set.of());

  public Audience {
    members = Set.copyOf(members);
  }

  /** The index terms that grant access; a {@link Viewer} matches one of them or none. */
  List<String> terms() {
    List<String> terms = new ArrayList<>();
    if (organisation) {
      terms.add(Viewer.ORGANISATION_TERM);
    }
    if (ownerId != null) {
      terms.add(Viewer.personTerm(ownerId));
    }
    for (String member : members) {
      terms.add(Viewer.personTerm(member));
    }
    return terms;
  }
}
