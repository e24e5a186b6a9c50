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

  private final Map<String, List<SseEmitter>> listeners = new ConcurrentHashMap<>();
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
    listeners.values().forEach(list -> list.forEach(SseEmitter::complete));
    listeners.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void beat() {
    listeners.forEach(
        (key, list) -> {
          for (SseEmitter emitter : list) {
            try {
              emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
              list.remove(emitter);
            }
          }
        });
  }

  /** Events of one meeting. */
  public SseEmitter subscribe(String meetingId) {
    return register(meetingId);
  }

  /** Events of every meeting. */
  public SseEmitter subscribeAll() {
    return register(ALL);
  }

  public void publish(MeetingEvent event) {
    send(event.meetingId(), event);
    send(ALL, event);
  }

  private SseEmitter register(String key) {
    SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    List<SseEmitter> list = listeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
    list.add(emitter);
    Runnable remove = () -> list.remove(emitter);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    return emitter;
  }

  private void send(String key, MeetingEvent event) {
    List<SseEmitter> list = listeners.get(key);
    if (list == null) {
      return;
    }
    for (SseEmitter emitter : list) {
      try {
        emitter.send(SseEmitter.event().name(event.type()).data(event));
      } catch (IOException | IllegalStateException e) {
        // The browser went away; dropping its emitter is all there is to do.
        log.debug("Dropping an event listener of {}: {}", key, e.toString());
        list.remove(emitter);
      }
    }
  }
}
