package cn.xiaoben.messaging;

import cn.xiaoben.contracts.EventType;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.messaging.consumer.EventHandler;
import cn.xiaoben.messaging.consumer.IdempotentWrites;
import cn.xiaoben.messaging.consumer.PoisonEventException;
import cn.xiaoben.messaging.consumer.ReceivedEvent;
import org.bson.Document;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal service using the kit: it applies TeacherRegistered to a collection, idempotently. */
@SpringBootApplication
public class KitTestApplication {

    /** Teachers named "poison" can never be applied; "flaky" ones fail twice before they succeed. */
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Bean
    EventHandler<TeacherRegistered> teacherRoster(IdempotentWrites writes) {
        return new EventHandler<>() {
            @Override
            public EventType<TeacherRegistered> eventType() {
                return EventTypes.TEACHER_REGISTERED;
            }

            @Override
            public void handle(ReceivedEvent<TeacherRegistered> event) {
                TeacherRegistered t = event.data();
                int attempt = ATTEMPTS.computeIfAbsent(t.teacherId(), k -> new AtomicInteger()).incrementAndGet();
                if (t.name().equals("poison")) {
                    throw new PoisonEventException("teacher " + t.teacherId() + " can never be applied");
                }
                if (t.name().equals("flaky") && attempt <= 2) {
                    throw new IllegalStateException("transient failure " + attempt);
                }
                writes.insertOnce("roster", new Document("_id", event.id()).append("teacherId", t.teacherId()));
            }
        };
    }
}
