package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A teacher's result in a teaching competition (优质课 / 基本功 / 教学能手 / 解题大赛 …) was recorded. Keyed by the
 * teacher. {@code kind} is {@code QUALITY_LESSON}, {@code BASIC_SKILLS}, {@code TEACHING_EXPERT},
 * {@code PROBLEM_SOLVING} or {@code OTHER}; {@code level} is {@code SCHOOL} to {@code NATIONAL}; {@code result} is
 * {@code FIRST}, {@code SECOND}, {@code THIRD}, {@code EXCELLENCE} or {@code PARTICIPATED}; {@code heldOn} is a civil
 * date in China Standard Time.
 */
public record CompetitionResultRecorded(String resultId, String districtId, String townshipId, String schoolId,
                                        String teacherId, String competition, String kind, String level,
                                        String result, LocalDate heldOn, List<String> attachmentIds,
                                        Instant recordedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return resultId;
    }
}
