package cn.xiaoben.contracts.directory;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;

/** A teacher moved to another school (教师交流轮岗); their history and credits follow them. */
public record TeacherTransferred(String teacherId, String districtId, String fromSchoolId, String toSchoolId,
                                 String toTownshipId, String subjectGroupId, Instant transferredAt)
        implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return teacherId;
    }
}
