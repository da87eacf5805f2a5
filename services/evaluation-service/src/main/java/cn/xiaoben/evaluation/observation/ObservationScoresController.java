package cn.xiaoben.evaluation.observation;

import cn.xiaoben.contracts.SchoolYear;
import cn.xiaoben.service.web.SchoolYearParameter;
import cn.xiaoben.service.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/evaluations/teachers")
class ObservationScoresController {

    private final ObservationScores scores;

    ObservationScoresController(ObservationScores scores) {
        this.scores = scores;
    }

    @GetMapping("/{teacherId}/observation-scores")
    ObservationScoresView observationScores(Caller caller, @PathVariable String teacherId,
                                            @RequestParam(required = false) String year) {
        return scores.of(caller, teacherId, SchoolYearParameter.parseOptional(year));
    }
}
