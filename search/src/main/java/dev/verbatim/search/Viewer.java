package dev.verbatim.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/** Who is searching, and so which meetings a query may return. */
public sealed interface Viewer {

  String ORGANISATION_TERM = "organisation";

  /** Someone who sees every meeting: an admin, or the system itself. */
  static Viewer everything() {
    return Everything.INSTANCE;
  }

  /** A member, who sees what they own, what is shared with them and what the organisation sees. */
  static Viewer person(String userId) {
    return new Person(userId);
  }

  /** The filter for this viewer's meetings, or null when they see every one. */
  @Nullable Query filter();

  static String personTerm(String userId) {
    return "person:" + userId;
  }

  /** Sees everything. */
  enum Everything implements Viewer {
    INSTANCE;

    @Override
    public @Nullable Query filter() {
      return null;
    }
  }

  /** Sees the meetings whose {@link Audience} names them, or the whole organisation. */
  record Person(String userId) implements Viewer {

    @Override
    public Query filter() {
      return new BooleanQuery.Builder()
          .add(
              new TermQuery(new Term(MeetingDocuments.AUDIENCE, personTerm(userId))),
              BooleanClause.Occur.SHOULD)
          .add(
              new TermQuery(new Term(MeetingDocuments.AUDIENCE, ORGANISATION_TERM)),
              BooleanClause.Occur.SHOULD)
          .build();
    }
  }
}
