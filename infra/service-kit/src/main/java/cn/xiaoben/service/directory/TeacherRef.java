package cn.xiaoben.service.directory;

import cn.xiaoben.service.tenancy.SchoolRef;

/** A teacher as this service knows them from directory events: name, subject and current school. */
public record TeacherRef(String teacherId, String name, String subject, String subjectGroupId, String schoolId,
                         String townshipId, String districtId) {

    public SchoolRef school() {
        return new SchoolRef(schoolId, townshipId, districtId);
    }
}
