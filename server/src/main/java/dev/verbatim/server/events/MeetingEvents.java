package dev.verbatim.server.events;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans meeting events out to the browsers listening: one list of emitters per meeting, and one for
 * everything (the meetings list).
 *
 * <p>A comment every 20 s finds browsers that went away without closing (a proxy or a laptop lid
 * says nothing), and at shutdown every stream is ended first, since graceful shutdown otherwise
 * waits for them to its time limit.
 */
@Component
public class MeetingEvents implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MeetingEvents.class);
  private static final String ALL = "*";

  /** Long enough to outlive a job's quiet stretches; the browser reconnects after it anyway. */
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private static final Duration HEARTBEAT = Duration.ofSeconds(20);

  /** A browser listening, and which meetings it may hear of. */
  private record Listener(SseEmitter emitter, Predicate<String> visible) {}

  private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "sse-heartbeat");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean running;

  @Override
  public void start() {
    running = true;
    heartbeat.scheduleWithFixedDelay(
        this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Runs before the web server's graceful shutdown (a later phase stops earlier). */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }

  @Override
  public void stop() {
    running = false;
    heartbeat.shutdownNow();
    listeners.values().forEach(list -> list.forEach(l -> l.emitter().complete()));
    listeners.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void beat() {
    listeners.forEach(
        (key, list) -> {
          for (Listener listener : list) {
            try {
              listener.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
              list.remove(listener);
            }
          }
        });
  }

  /**
   * Events of one meeting, while {@code visible} says the listener may see it (asked at each event,
   * so a share taken back ends the news).
   */
  public SseEmitter subscribe(String meetingId, Predicate<String> visible) {
    return register(meetingId, visible);
  }

  /** Events of every meeting that {@code visible} says the listener may see. */
  public SseEmitter subscribeAll(Predicate<String> visible) {
    return register(ALL, visible);
  }

  public void publish(MeetingEvent event) {
    send(event.meetingId(), event);
    send(ALL, event);
  }

  /** Sends a live caption to the meeting's listeners only: the meetings list has no use for it. */
  public void publish(Caption caption) {
    List<Listener> list = listeners.get(caption.meetingId());
    if (list == null) {
      return;
    }
    for (Listener listener : list) {
      if (!visible(listener, caption.meetingId())) {
        continue;
      }
      try {
        listener.emitter().send(SseEmitter.event().name("caption").data(caption));
      } catch (IOException | IllegalStateException e) {
        log.debug("Dropping a caption listener of {}: {}", caption.meetingId(), e.toString());
        list.remove(listener);
      }
    }
  }

  private SseEmitter register(String key, Predicate<String> visible) {
    SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    List<Listener> list = listeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
    Listener listener = new Listener(emitter, visible);
    list.add(listener);
    Runnable remove = () -> list.remove(listener);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    return emitter;
  }

  private void send(String key, MeetingEvent event) {
    List<Listener> list = listeners.get(key);
    if (list == null) {
      return;
    }
    for (Listener listener : list) {
      if (!visible(listener, event.meetingId())) {
        continue;
      }
      try {
        listener.emitter().send(SseEmitter.event().name(event.type()).data(event));
      } catch (IOException | IllegalStateException e) {
        // The browser went away; dropping its emitter is all there is to do.
        log.debug("Dropping an event listener of {}: {}", key, e.toString());
        list.remove(listener);
      }
    }
  }

  /** Whether the listener may hear of the meeting; if that cannot be known now, it may not. */
  private static boolean visible(Listener listener, String meetingId) {
    try {
      return listener.visible().test(meetingId);
    } catch (RuntimeException e) {
      log.warn("Could not tell who may see meeting {}; its event goes to nobody", meetingId, e);
      return false;
    }
  }
}
