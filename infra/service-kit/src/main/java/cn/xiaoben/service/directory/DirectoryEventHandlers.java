package cn.xiaoben.service.directory;

import cn.xiaoben.contracts.EventType;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.directory.SchoolRegistered;
import cn.xiaoben.contracts.directory.SubjectGroupRegistered;
import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.contracts.directory.TeacherTransferred;
import cn.xiaoben.contracts.directory.TownshipRegistered;
import cn.xiaoben.messaging.consumer.EventHandler;
import cn.xiaoben.messaging.consumer.EventHandlerSet;
import cn.xiaoben.messaging.consumer.IdempotentWrites;
import cn.xiaoben.messaging.consumer.ReceivedEvent;
import com.mongodb.client.model.Updates;

import java.util.List;

/** Keeps the {@link DirectoryReplica} from directory events; each write is idempotent per event id. */
public class DirectoryEventHandlers implements EventHandlerSet {

    private final IdempotentWrites writes;

    public DirectoryEventHandlers(IdempotentWrites writes) {
        this.writes = writes;
    }

    @Override
    public List<EventHandler<?>> handlers() {
        return List.of(
                handler(EventTypes.TOWNSHIP_REGISTERED, (TownshipRegistered e, String id) ->
                        writes.updateOnce(DirectoryReplica.TOWNSHIPS, e.townshipId(), id, Updates.combine(
                                Updates.set("districtId", e.districtId()), Updates.set("name", e.name())))),
                handler(EventTypes.SCHOOL_REGISTERED, (SchoolRegistered e, String id) ->
                        writes.updateOnce(DirectoryReplica.SCHOOLS, e.schoolId(), id, Updates.combine(
                                Updates.set("districtId", e.districtId()), Updates.set("townshipId", e.townshipId()),
                                Updates.set("name", e.name()), Updates.set("stage", e.stage())))),
                handler(EventTypes.SUBJECT_GROUP_REGISTERED, (SubjectGroupRegistered e, String id) ->
                        writes.updateOnce(DirectoryReplica.GROUPS, e.groupId(), id, Updates.combine(
                                Updates.set("schoolId", e.schoolId()), Updates.set("name", e.name()),
                                Updates.set("subject", e.subject())))),
                handler(EventTypes.TEACHER_REGISTERED, (TeacherRegistered e, String id) ->
                        writes.updateOnce(DirectoryReplica.TEACHERS, e.teacherId(), id, Updates.combine(
                                Updates.set("name", e.name()), Updates.set("subject", e.subject()),
                                Updates.set("subjectGroupId", e.subjectGroupId()),
                                Updates.set("schoolId", e.schoolId()), Updates.set("townshipId", e.townshipId()),
                                Updates.set("districtId", e.districtId()), Updates.set("title", e.title()),
                                Updates.set("birthYear", e.birthYear())))),
                handler(EventTypes.TEACHER_TRANSFERRED, (TeacherTransferred e, String id) ->
                        writes.updateOnce(DirectoryReplica.TEACHERS, e.teacherId(), id, Updates.combine(
                                Updates.set("schoolId", e.toSchoolId()), Updates.set("townshipId", e.toTownshipId()),
                                Updates.set("subjectGroupId", e.subjectGroupId()),
                                Updates.set("districtId", e.districtId())))));
    }

    private static <T extends cn.xiaoben.contracts.DomainEvent> EventHandler<T> handler(EventType<T> type,
                                                                                      Apply<T> apply) {
        return new EventHandler<>() {
            @Override
            public EventType<T> eventType() {
                return type;
            }

            @Override
            public void handle(ReceivedEvent<T> event) {
                apply.apply(event.data(), event.id());
            }
        };
    }

    @FunctionalInterface
    private interface Apply<T> {
        void apply(T data, String eventId);
    }
}
