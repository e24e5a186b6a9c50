package dev.verbatim.server.jitsi;

import dev.verbatim.core.Word;
import dev.verbatim.server.account.Accounts;
import dev.verbatim.server.account.User;
import dev.verbatim.server.events.Caption;
import dev.verbatim.server.events.MeetingEvent;
import dev.verbatim.server.events.MeetingEvents;
import dev.verbatim.server.meeting.MeetingStore;
import dev.verbatim.server.pipeline.TrackLayout;
import dev.verbatim.transcribe.TranscribeProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conferences going on: which stream belongs to which meeting and participant, what they said,
 * the live captions, and when a conference is over.
 *
 * <p>Streams learn their meeting from the room in their path, or from Jigasi's events: Jigasi
 * repeats each final result it got from a stream, with the room and participant, so the first such
 * event places the stream and everything it said. A conference ends with Jigasi's END event (after
 * a short grace for the last results of closing streams), or when none of its streams is open and
 * nothing was heard for {@link JitsiProperties#conferenceIdle()}, which also finishes conferences a
 * restart left behind. Everything said is in the database as it is said; the finisher makes the
 * meeting from it.
 */
class Conferences implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Conferences.class);

  /** How far apart a result and Jigasi's event repeating it may be stamped. */
  private static final long MATCH_WITHIN_MS = 15_000;

  /** Closed streams stay this long to be matched with Jigasi's late events. */
  private static final long KEEP_CLOSED_MS = 60_000;

  private static final String UNKNOWN_SPEAKER = "Unknown speaker";

  private final JitsiProperties properties;
  private final JitsiStore store;
  private final MeetingStore meetings;
  private final MeetingEvents events;
  private final Accounts accounts;
  private final ConferenceFinisher finisher;
  private final TransactionTemplate transactions;
  private final String language;
  private final LongSupplier clock;
  private final Map<String, VoskStream> streams = new ConcurrentHashMap<>();
  private final Map<String, String> names = new ConcurrentHashMap<>();
  private final Map<String, Long> ending = new ConcurrentHashMap<>();
  private final java.util.Set<String> finished = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "jitsi-sweeper");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean running;

  Conferences(
      JitsiProperties properties,
      JitsiStore store,
      MeetingStore meetings,
      MeetingEvents events,
      Accounts accounts,
      ConferenceFinisher finisher,
      TransactionTemplate transactions,
      TranscribeProperties transcribe) {
    this.properties = properties;
    this.store = store;
    this.meetings = meetings;
    this.events = events;
    this.accounts = accounts;
    this.finisher = finisher;
    this.transactions = transactions;
    this.language =
        properties.language() != null ? properties.language() : transcribe.defaultLanguage();
    this.clock = System::currentTimeMillis;
  }

  // ---- Streams ----

  void opened(VoskStream stream) {
    streams.put(stream.id, stream);
    if (stream.roomKey != null) {
      place(stream, meetingFor(stream.roomKey, null, stream.openedAt));
    }
  }

  /** A final result of a stream, already sent back. */
  void heard(VoskStream stream, JitsiStore.Utterance utterance, long now) {
    stream.remember(new VoskStream.Heard(utterance, now));
    String meeting = stream.meetingId();
    if (meeting == null) {
      stream.keepUnplaced(utterance);
    } else if (goesOn(meeting)) {
      save(meeting, utterance, now);
    }
  }

  /** Interim text of a stream; shown as a caption when the stream's meeting is known. */
  void hearing(VoskStream stream, String text, long now) {
    String id = stream.partial(text);
    String meeting = stream.meetingId();
    if (id != null && meeting != null && goesOn(meeting)) {
      String participant = stream.participantId();
      events.publish(
          new Caption(
              meeting,
              id,
              participant != null ? participant : stream.id,
              speakerName(meeting, participant),
              text,
              true,
              now));
    }
  }

  void closed(VoskStream stream, long now) {
    String meeting = stream.meetingId();
    if (meeting != null && goesOn(meeting)) {
      store.touch(meeting, Instant.ofEpochMilli(now));
    }
  }

  private void place(VoskStream stream, String meeting) {
    for (JitsiStore.Utterance earlier : stream.place(meeting)) {
      save(meeting, earlier, clock.getAsLong());
    }
  }

  private void save(String meeting, JitsiStore.Utterance utterance, long now) {
    store.saveUtterance(meeting, utterance);
    store.touch(meeting, Instant.ofEpochMilli(now));
    events.publish(caption(meeting, utterance));
  }

  private Caption caption(String meeting, JitsiStore.Utterance u) {
    String participant = u.participantId();
    return new Caption(
        meeting,
        u.id(),
        participant != null ? participant : String.valueOf(u.streamId()),
        speakerName(meeting, participant),
        u.text(),
        false,
        u.startAt());
  }

  private String speakerName(String meeting, @Nullable String participant) {
    return participant == null
        ? UNKNOWN_SPEAKER
        : names.getOrDefault(meeting + "/" + participant, participant);
  }

  // ---- Jigasi's events ----

  /**
   * Takes one of Jigasi's events.
   *
   * @return the meeting it concerns, if any
   */
  synchronized Optional<String> event(JigasiEvent event) {
    String room = roomKey(event.roomName());
    if (room == null) {
      return Optional.empty();
    }
    long now = clock.getAsLong();
    long at = event.timestamp() != null ? event.timestamp().toEpochMilli() : now;
    return switch (event.type()) {
      case START -> Optional.of(meetingFor(room, event.roomName(), at));
      case END -> {
        Optional<String> meeting = store.liveConference(room);
        meeting.ifPresent(m -> ending.putIfAbsent(m, now + properties.endGrace().toMillis()));
        yield meeting;
      }
      case JOIN -> {
        String meeting = meetingFor(room, event.roomName(), at);
        JigasiEvent.Participant p = event.participant();
        if (p != null) {
          participant(meeting, p);
          store.participantJoined(meeting, p.id(), Instant.ofEpochMilli(at));
        }
        yield Optional.of(meeting);
      }
      case LEAVE -> {
        Optional<String> meeting = store.liveConference(room);
        JigasiEvent.Participant p = event.participant();
        if (meeting.isPresent() && p != null) {
          participant(meeting.get(), p);
          store.participantLeft(meeting.get(), p.id(), Instant.ofEpochMilli(at));
          store.touch(meeting.get(), Instant.ofEpochMilli(now));
        }
        yield meeting;
      }
      case SPEECH -> {
        JigasiEvent.Participant p = event.participant();
        String text = event.text();
        if (event.interim() || p == null || text == null || text.isBlank()) {
          yield store.liveConference(room);
        }
        String meeting = meetingFor(room, event.roomName(), at);
        participant(meeting, p);
        speech(meeting, p, text.strip(), at, now);
        yield Optional.of(meeting);
      }
      case WILL_END, OTHER -> store.liveConference(room);
    };
  }

  private void participant(String meeting, JigasiEvent.Participant p) {
    store.saveParticipant(meeting, p);
    names.put(meeting + "/" + p.id(), p.displayName());
  }

  /**
   * Finds the stream whose result Jigasi repeats and makes it the participant's; speech no stream
   * of ours heard (Jigasi using another recognizer) is kept as text at the event's time.
   */
  private void speech(String meeting, JigasiEvent.Participant p, String text, long at, long now) {
    VoskStream.Heard best = null;
    VoskStream owner = null;
    for (VoskStream s : streams.values()) {
      String placed = s.meetingId();
      String whose = s.participantId();
      if ((placed != null && !placed.equals(meeting)) || (whose != null && !whose.equals(p.id()))) {
        continue;
      }
      VoskStream.Heard h = s.find(text, at, MATCH_WITHIN_MS);
      if (h != null
          && (best == null || Math.abs(h.heardAt() - at) < Math.abs(best.heardAt() - at))) {
        best = h;
        owner = s;
      }
    }
    if (owner != null && best != null) {
      owner.claimed(best);
      if (owner.participantId() == null) {
        owner.attribute(p.id());
        if (owner.meetingId() == null) {
          for (JitsiStore.Utterance earlier : owner.place(meeting)) {
            save(meeting, earlier.attributedTo(p.id()), now);
          }
        } else {
          store.attribute(meeting, owner.id, p.id());
        }
        log.info("Stream {} is {} in meeting {}", owner.id, p.displayName(), meeting);
      }
      return;
    }
    save(meeting, textOnly(p.id(), text, at), now);
  }

  /** An utterance known only as text, its words spread over the time it would take to say. */
  private static JitsiStore.Utterance textOnly(String participant, String text, long endAt) {
    String[] tokens = text.split("\\s+");
    long perWord = 400;
    long start = endAt - perWord * tokens.length;
    List<Word> words = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      long from = start + i * perWord;
      words.add(new Word(tokens[i], from, from + perWord - 50, 1.0));
    }
    return new JitsiStore.Utterance(
        "u-" + UUID.randomUUID(), null, participant, start, endAt, text, words);
  }

  // ---- Conferences ----

  /** The meeting of the conference going on in {@code room}, made now if there is none. */
  private synchronized String meetingFor(String room, @Nullable String roomName, long at) {
    Optional<String> live = store.liveConference(room);
    if (live.isPresent()) {
      if (roomName != null) {
        store.roomName(live.get(), roomName);
      }
      return live.get();
    }
    String id = "m-" + HexFormat.of().formatHex(randomBytes());
    Instant started = Instant.ofEpochMilli(at);
    MeetingStore.NewMeeting meeting =
        new MeetingStore.NewMeeting(
            id,
            owner(),
            "Jitsi: " + room,
            LocalDate.ofInstant(started, ZoneId.systemDefault()),
            language,
            TrackLayout.FILE_PER_SPEAKER,
            null,
            "jitsi:" + id);
    transactions.executeWithoutResult(
        status -> {
          meetings.insertLive(meeting);
          store.insertConference(id, room, roomName, started);
        });
    log.info("Conference in room {} is meeting {}", room, id);
    events.publish(MeetingEvent.live(id));
    return id;
  }

  private @Nullable String owner() {
    String email = properties.owner();
    if (email == null) {
      return null;
    }
    Optional<User> user = accounts.findByEmail(email);
    if (user.isEmpty()) {
      log.warn("verbatim.jitsi.owner {} has no account; live meetings have no owner", email);
    }
    return user.map(User::id).orElse(null);
  }

  private static byte[] randomBytes() {
    UUID uuid = UUID.randomUUID();
    long bits = uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits();
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (bits >>> (8 * i));
    }
    return bytes;
  }

  private boolean goesOn(String meeting) {
    Long end = ending.get(meeting);
    return !finished.contains(meeting) && (end == null || end > clock.getAsLong());
  }

  /**
   * Jitsi room names are JIDs ({@code room@conference.example.com}); the room is its local part.
   */
  static @Nullable String roomKey(@Nullable String roomName) {
    if (roomName == null) {
      return null;
    }
    String local = roomName.strip();
    int at = local.indexOf('@');
    if (at >= 0) {
      local = local.substring(0, at);
    }
    local = local.toLowerCase(Locale.ROOT);
    if (local.isEmpty()) {
      return null;
    }
    return local.length() <= 200 ? local : local.substring(0, 200);
  }

  // ---- The sweeper ----

  @Override
  public void start() {
    running = true;
    store.endedButLive().forEach(finisher::finishLater);
    long period = sweepPeriod().toMillis();
    timer.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  private Duration sweepPeriod() {
    Duration shortest =
        List.of(
                properties.silentConnectionTimeout(),
                properties.idleTimeout(),
                properties.conferenceIdle(),
                properties.endGrace())
            .stream()
            .filter(d -> !d.isZero())
            .min(Duration::compareTo)
            .orElse(Duration.ofSeconds(1));
    return Duration.ofMillis(Math.max(100, Math.min(1000, shortest.toMillis() / 4)));
  }

  @Override
  public void stop() {
    running = false;
    timer.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Closes idle streams, forgets old closed ones, and ends conferences that are over. */
  void sweep() {
    try {
      long now = clock.getAsLong();
      for (VoskStream s : streams.values()) {
        if (s.closed()) {
          if (now - s.closedAt() > KEEP_CLOSED_MS) {
            streams.remove(s.id);
          }
          continue;
        }
        long quiet = now - s.lastMessageAt();
        Duration limit =
            s.receivedAnything() ? properties.idleTimeout() : properties.silentConnectionTimeout();
        if (quiet >= limit.toMillis()) {
          VoskEndpoint.closeIdle(s);
        }
      }
      ending.forEach(
          (meeting, when) -> {
            if (when <= now) {
              finish(meeting, now);
            }
          });
      // An open stream nobody has placed yet may belong to any conference: none ends by idling.
      boolean unplaced =
          streams.values().stream().anyMatch(s -> !s.closed() && s.meetingId() == null);
      for (JitsiStore.Conference c : store.liveConferences()) {
        boolean streaming =
            streams.values().stream()
                .anyMatch(s -> !s.closed() && c.meetingId().equals(s.meetingId()));
        long quiet = now - c.lastActivityAt().toEpochMilli();
        // People still there (joined, not left) may all be muted: give them longer.
        Duration limit =
            c.present() > 0 && properties.idleTimeout().compareTo(properties.conferenceIdle()) > 0
                ? properties.idleTimeout()
                : properties.conferenceIdle();
        if (!streaming && !unplaced && quiet >= limit.toMillis()) {
          finish(c.meetingId(), now);
        }
      }
    } catch (RuntimeException e) {
      // The next sweep tries again; a sweeper that died would leave conferences open for good.
      log.error("Sweeping Jitsi conferences failed", e);
    }
  }

  private void finish(String meeting, long now) {
    finished.add(meeting);
    if (store.end(meeting, Instant.ofEpochMilli(now))) {
      log.info("Conference of meeting {} is over; finalising it", meeting);
      finisher.finishLater(meeting);
    }
    ending.remove(meeting);
  }
}
