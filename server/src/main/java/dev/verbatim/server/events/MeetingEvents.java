package dev.verbatim.server.events;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans meeting events out to the browsers listening: one list of emitters per meeting, and one for
 * everything (the meetings list).
 */
@Component
public class MeetingEvents {

  private static final Logger log = LoggerFactory.getLogger(MeetingEvents.class);
  private static final String ALL = "*";

  /** Long enough to outlive a job's quiet stretches; the browser reconnects after it anyway. */
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final Map<String, List<SseEmitter>> listeners = new ConcurrentHashMap<>();

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
