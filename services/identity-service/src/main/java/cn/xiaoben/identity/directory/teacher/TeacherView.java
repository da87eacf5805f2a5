package cn.xiaoben.identity.directory.teacher;

import java.time.Instant;

public record TeacherView(String id, String schoolId, String townshipId, String districtId, String name,
                          String gender, String subject, String subjectGroupId, String title, Integer birthYear,
                          Instant registeredAt) {
}
