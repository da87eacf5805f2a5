package cn.xiaoben.identity.directory.school;

import cn.xiaoben.service.tenancy.Caller;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/directory/schools")
public class SchoolController {

    private final SchoolService schools;

    public SchoolController(SchoolService schools) {
        this.schools = schools;
    }

    /**
     * Registers a school and its system's client. Not replayable with an Idempotency-Key: the client secret exists
     * only in this answer, so a repeated registration is a 409.
     */
    @PostMapping
    public ResponseEntity<RegisteredSchoolView> register(Caller caller,
                                                         @Valid @RequestBody RegisterSchoolRequest request) {
        RegisteredSchoolView school = schools.register(caller, request);
        return ResponseEntity.created(URI.create("/api/directory/schools/" + school.id())).body(school);
    }

    @GetMapping
    public List<SchoolView> list(Caller caller, @RequestParam(required = false) String townshipId) {
        return schools.list(caller, townshipId);
    }

    @GetMapping("/{schoolId}")
    public SchoolView get(Caller caller, @PathVariable String schoolId) {
        return schools.get(caller, schoolId);
    }
}
