package cn.xiaoben.identity.accounts;

import cn.xiaoben.identity.directory.school.SchoolDirectory;
import cn.xiaoben.identity.directory.school.SchoolRecord;
import cn.xiaoben.identity.directory.teacher.TeacherStore;
import cn.xiaoben.identity.directory.teacher.TeacherView;
import cn.xiaoben.identity.directory.township.TownshipService;
import cn.xiaoben.identity.directory.township.TownshipView;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.problem.FieldProblem;
import cn.xiaoben.service.tenancy.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an account sits in the organisation, checked against the directory: the bureau and experts are
 * district-wide; a township administrator needs a township; school roles need a school (teachers also their teacher
 * record there). The township of a school account is taken from its school.
 */
public class AccountPlacement {

    private final TownshipService townships;
    private final SchoolDirectory schools;
    private final TeacherStore teachers;

    public AccountPlacement(TownshipService townships, SchoolDirectory schools, TeacherStore teachers) {
        this.townships = townships;
        this.schools = schools;
        this.teachers = teachers;
    }

    public record Placement(String districtId, String townshipId, String schoolId, String teacherId) {
    }

    public Placement resolve(String districtId, Role role, CreateAccountRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        switch (role) {
            case BUREAU_ADMIN, EXPERT -> {
                mustBeAbsent(problems, "townshipId", request.townshipId(), role);
                mustBeAbsent(problems, "schoolId", request.schoolId(), role);
                mustBeAbsent(problems, "teacherId", request.teacherId(), role);
            }
            case TOWNSHIP_ADMIN -> {
                mustBePresent(problems, "townshipId", request.townshipId(), role);
                mustBeAbsent(problems, "schoolId", request.schoolId(), role);
                mustBeAbsent(problems, "teacherId", request.teacherId(), role);
            }
            case TEACHER -> {
                mustBePresent(problems, "schoolId", request.schoolId(), role);
                mustBePresent(problems, "teacherId", request.teacherId(), role);
            }
            default -> mustBePresent(problems, "schoolId", request.schoolId(), role);
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        return switch (role) {
            case BUREAU_ADMIN, EXPERT -> new Placement(districtId, null, null, null);
            case TOWNSHIP_ADMIN -> new Placement(districtId, township(districtId, request.townshipId()).id(), null,
                    null);
            default -> school(districtId, request);
        };
    }

    private TownshipView township(String districtId, String townshipId) {
        return townships.find(townshipId).filter(t -> districtId.equals(t.districtId()))
                .orElseThrow(() -> ApiProblem.unprocessable("township-unknown", "townshipId",
                        "Township " + townshipId + " does not exist in your district.",
                        "您所在的县（区）没有镇 " + townshipId + "。"));
    }

    private Placement school(String districtId, CreateAccountRequest request) {
        SchoolRecord school = schools.find(request.schoolId()).filter(s -> districtId.equals(s.districtId()))
                .orElseThrow(() -> ApiProblem.unprocessable("school-unknown", "schoolId",
                        "School " + request.schoolId() + " does not exist in your district.",
                        "您所在的县（区）没有学校 " + request.schoolId() + "。"));
        if (request.townshipId() != null && !request.townshipId().equals(school.townshipId())) {
            throw ApiProblem.unprocessable("township-mismatch", "townshipId",
                    "School " + school.id() + " is in township " + school.townshipId() + ".",
                    "学校 " + school.id() + " 属于镇 " + school.townshipId() + "。");
        }
        if (request.teacherId() != null) {
            TeacherView teacher = teachers.find(request.teacherId()).filter(t -> school.id().equals(t.schoolId()))
                    .orElseThrow(() -> ApiProblem.unprocessable("teacher-unknown", "teacherId",
                            "Teacher " + request.teacherId() + " does not work at school " + school.id() + ".",
                            "教师 " + request.teacherId() + " 不在学校 " + school.id() + " 任教。"));
            return new Placement(districtId, school.townshipId(), school.id(), teacher.id());
        }
        return new Placement(districtId, school.townshipId(), school.id(), null);
    }

    private static void mustBePresent(List<FieldProblem> problems, String field, String value, Role role) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required", field + " is required for role " + role + ".",
                    "角色 " + role + " 须填写 " + field + "。"));
        }
    }

    private static void mustBeAbsent(List<FieldProblem> problems, String field, String value, Role role) {
        if (value != null) {
            problems.add(new FieldProblem(field, "not-applicable", field + " does not apply to role " + role + ".",
                    "角色 " + role + " 不应填写 " + field + "。"));
        }
    }
}
