package cn.xiaoben.contracts.directory;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;

/** A teacher was registered at a school by the school's system. */
public record TeacherRegistered(String teacherId, String districtId, String townshipId, String schoolId, String name,
                                String gender, String subject, String subjectGroupId, String title, Integer birthYear,
                                Instant registeredAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return teacherId;
    }
}
