package cn.xiaoben.credit.requirement;

import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.web.PageResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RequirementController {

    private final Requirements requirements;
    private final TeacherGroups groups;

    RequirementController(Requirements requirements, TeacherGroups groups) {
        this.requirements = requirements;
        this.groups = groups;
    }

    /** Progress against each requirement that applies to the teacher, for the periods of a school year. */
    @GetMapping("/api/credits/teachers/{teacherId}/requirements")
    RequirementsView requirements(Caller caller, @PathVariable String teacherId,
                                  @RequestParam(required = false) String year) {
        return requirements.of(caller, teacherId, year);
    }

    /** Whether the teacher is a new teacher / a class teacher (班主任), as their school says. */
    @PutMapping("/api/credits/teachers/{teacherId}/groups")
    TeacherGroups.View groups(Caller caller, @PathVariable String teacherId,
                              @Valid @RequestBody TeacherGroups.Request request) {
        return groups.set(caller, teacherId, request);
    }

    /** Teachers of a school with a requirement at risk or missed in the year. */
    @GetMapping("/api/credits/schools/{schoolId}/at-risk")
    PageResponse<Requirements.AtRiskTeacher> atRisk(Caller caller, @PathVariable String schoolId,
                                                    @RequestParam(required = false) String year,
                                                    @RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "20") int size) {
        return requirements.atRisk(caller, schoolId, year, page, size);
    }
}
