package dev.verbatim.server.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.WebUtils;

/**
 * Adds records to the audit trail, and reads them back for admins. A record is written in the
 * request that did the thing, before its response: should the write fail, the request fails with
 * it, since an audit trail that silently drops records is worse than none.
 */
@Service
public class AuditTrail {

  private static final String NOTE = AuditTrail.class.getName() + ".note";
  private static final String ONCE = AuditTrail.class.getName() + ".once";

  /** Without a session, "once per session" means once per token (or account) and target per … */
  static final Duration ONCE_WITHOUT_SESSION = Duration.ofHours(1);

  /** … remembered in memory for this many keys at most, so it cannot grow without bound. */
  private static final int ONCE_KEYS = 10_000;

  private final AuditStore store;
  private final AuditActors actors;
  private final Clock clock;
  private final Map<String, Instant> recentWithoutSession = new ConcurrentHashMap<>();

  AuditTrail(AuditStore store, AuditActors actors, Clock clock) {
    this.store = store;
    this.actors = actors;
    this.clock = clock;
  }

  /** Records an action of the current request's caller. */
  public void record(AuditAction action, @Nullable AuditTarget target, @Nullable String detail) {
    record(
        actors.actor().orElseGet(() -> new AuditActor(null, "anonymous", null)),
        action,
        target,
        detail);
  }

  /** Records an action of {@code actor}, with the current request's client address if any. */
  public void record(
      AuditActor actor, AuditAction action, @Nullable AuditTarget target, @Nullable String detail) {
    HttpServletRequest request = request();
    store.insert(
        clock.instant(),
        actor,
        action,
        target,
        detail == null || detail.isBlank() ? null : AuditActor.clip(detail.strip(), 500),
        request == null ? null : AuditActor.clip(request.getRemoteAddr(), 100));
  }

  /**
   * Records an action of {@code actor} once per session, or without one once per actor, client
   * address and target an hour: for readers without an account, such as those of a share link,
   * whose every page view and range request would otherwise be a record of its own.
   */
  public void recordOnce(
      AuditActor actor, AuditAction action, @Nullable AuditTarget target, @Nullable String detail) {
    HttpServletRequest request = request();
    if (request == null) {
      record(actor, action, target, detail);
      return;
    }
    String once =
        actor.name()
            + " "
            + request.getRemoteAddr()
            + " "
            + action.value()
            + " "
            + (target == null ? "" : target.id());
    if (seen(request, once)) {
      return;
    }
    record(actor, action, target, detail);
    remember(request, once);
  }

  /**
   * Adds words to the record that the current {@link Audited} method makes, for what its request
   * parameters do not say (the permission a share grants, say).
   */
  public void note(String text) {
    HttpServletRequest request = request();
    if (request != null) {
      Object before = request.getAttribute(NOTE);
      request.setAttribute(NOTE, before == null ? text : before + ", " + text);
    }
  }

  /** The matching records, newest first: one page. */
  public List<AuditEvent> page(AuditQuery query, int page, int size) {
    return store.page(query, page * size, size);
  }

  public long count(AuditQuery query) {
    return store.count(query);
  }

  /** Hands every matching record to {@code each}, newest first, streaming from the database. */
  public void forEach(AuditQuery query, java.util.function.Consumer<AuditEvent> each) {
    store.forEach(query, each);
  }

  /** Records what an {@link Audited} method did, once it returned {@code result}. */
  void recordReturned(Audited audited, @Nullable Object result) {
    HttpServletRequest request = request();
    if (request == null) {
      throw new IllegalStateException("An @Audited method ran outside of a web request");
    }
    Map<?, ?> variables =
        request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> v
            ? v
            : Map.of();
    String id = null;
    if (!audited.target().isEmpty() && variables.get(audited.target()) instanceof String value) {
      id = value;
    } else if (audited.target().isEmpty()
        && result instanceof ResponseEntity<?> entity
        && entity.getHeaders().getLocation() != null) {
      URI location = entity.getHeaders().getLocation();
      String path = location == null ? "" : location.getPath();
      id = path.substring(path.lastIndexOf('/') + 1);
    }
    AuditTarget target = id == null ? null : new AuditTarget(audited.kind(), id);
    AuditActor actor = actors.actor().orElseGet(() -> new AuditActor(null, "anonymous", null));
    // Within a session the session is who; without one, the token (or account).
    String once =
        (actor.tokenId() != null ? actor.tokenId() : String.valueOf(actor.userId()))
            + " "
            + audited.value().value()
            + " "
            + (id == null ? "" : id);
    if (audited.oncePerSession() && seen(request, once)) {
      return;
    }
    List<String> detail = new ArrayList<>();
    if (!audited.note().isEmpty()) {
      detail.add(audited.note());
    }
    for (String name : audited.detail()) {
      Object value = variables.containsKey(name) ? variables.get(name) : request.getParameter(name);
      if (value != null) {
        detail.add(name + "=" + value);
      }
    }
    if (request.getAttribute(NOTE) instanceof String note) {
      detail.add(note);
    }
    record(actor, audited.value(), target, String.join(", ", detail));
    if (audited.oncePerSession()) {
      remember(request, once);
    }
  }

  /**
   * Whether such a request was recorded already in this session. Media requests come by the dozen
   * while a player seeks (each a range request), and one record says who listened.
   */
  private boolean seen(HttpServletRequest request, String key) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      return session.getAttribute(ONCE) instanceof Set<?> seen && seen.contains(key);
    }
    Instant last = recentWithoutSession.get(key);
    return last != null && last.isAfter(clock.instant().minus(ONCE_WITHOUT_SESSION));
  }

  /** Remembers a record made, only once it is written. */
  private void remember(HttpServletRequest request, String key) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      synchronized (WebUtils.getSessionMutex(session)) {
        @SuppressWarnings("unchecked")
        Set<String> seen = (Set<String>) session.getAttribute(ONCE);
        if (seen == null) {
          seen = ConcurrentHashMap.newKeySet();
          session.setAttribute(ONCE, seen);
        }
        seen.add(key);
      }
      return;
    }
    Instant now = clock.instant();
    if (recentWithoutSession.size() >= ONCE_KEYS) {
      recentWithoutSession.values().removeIf(t -> t.isBefore(now.minus(ONCE_WITHOUT_SESSION)));
      if (recentWithoutSession.size() >= ONCE_KEYS) {
        recentWithoutSession.clear();
      }
    }
    recentWithoutSession.put(key, now);
  }

  private static @Nullable HttpServletRequest request() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes s
        ? s.getRequest()
        : null;
  }
}
