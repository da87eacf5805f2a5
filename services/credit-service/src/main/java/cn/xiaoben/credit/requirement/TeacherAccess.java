package cn.xiaoben.credit.requirement;

import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.service.directory.TeacherRef;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;

/**
 * Who may read a teacher's credits (as for the credit account): the teacher themself; otherwise a token whose scope
 * reaches the teacher's current school (school staff, township, bureau, experts of the district).
 */
public final class TeacherAccess {

    private TeacherAccess() {
    }

    public static TeacherRef reachable(DirectoryReplica directory, Caller caller, String teacherId) {
        if (caller.has(Role.TEACHER) && caller.roles().size() == 1 && !teacherId.equals(caller.teacherId())) {
            throw ApiProblem.forbidden("A teacher may only read their own credits.", "教师只能查看本人的学时。");
        }
        return directory.reachableTeacher(caller, teacherId);
    }
}
