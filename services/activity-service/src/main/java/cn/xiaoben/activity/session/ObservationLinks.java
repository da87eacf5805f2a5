package cn.xiaoben.activity.session;

import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.service.problem.ApiProblem;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rule for a lesson observation linked to a session ({@code sessionId}): the session exists, is a 同课异构 or an
 * open lesson and not cancelled, the observed teacher is one of its teaching teachers, the observer takes part in it
 * (a participant or the host), and the lesson was observed on the session's date (China Standard Time). Otherwise
 * 422 {@code observation-not-in-session} naming the field.
 */
@Service
public class ObservationLinks {

    static final Set<SessionForm> LINKABLE = EnumSet.of(SessionForm.SAME_LESSON_DIFFERENT_DESIGNS,
            SessionForm.OPEN_LESSON);
    static final String CODE = "observation-not-in-session";

    private final Sessions sessions;

    public ObservationLinks(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Checks the link; the teaching teachers of the session (for the caller to accept the observed teacher). */
    public List<String> requireLinkable(String sessionId, String observerId, String teacherId,
                                        OffsetDateTime observedAt) {
        Document doc = sessions.collection().find(Filters.eq("_id", sessionId)).first();
        if (doc == null) {
            throw ApiProblem.unprocessable(CODE, "sessionId", "Session " + sessionId + " does not exist.",
                    "研修活动 " + sessionId + " 不存在。");
        }
        SessionForm form = SessionForm.valueOf(doc.getString("form"));
        if (!LINKABLE.contains(form) || Sessions.status(doc) == SessionStatus.CANCELLED) {
            throw ApiProblem.unprocessable(CODE, "sessionId",
                    "Session " + sessionId + " is a " + form + " session (" + doc.getString("status").toLowerCase()
                            + "); observations link to same-lesson-different-designs or open-lesson sessions that "
                            + "were not cancelled.",
                    "研修活动 " + sessionId + " 是" + SessionFormRules.formZh(form) + "活动；听课记录只能关联未取消的同课异构或公开课活动。");
        }
        List<String> teaching = doc.getList("teachingTeacherIds", String.class, List.of());
        if (!teaching.contains(teacherId)) {
            throw ApiProblem.unprocessable(CODE, "teacherId",
                    "Teacher " + teacherId + " does not teach a lesson of session " + sessionId + ".",
                    "教师 " + teacherId + " 不是研修活动 " + sessionId + " 的授课教师。");
        }
        boolean takesPart = observerId.equals(doc.getString("hostId")) || Sessions.participantDocs(doc).stream()
                .anyMatch(p -> observerId.equals(p.getString("teacherId")));
        if (!takesPart) {
            throw ApiProblem.unprocessable(CODE, "observerId",
                    "Teacher " + observerId + " neither hosts nor takes part in session " + sessionId + ".",
                    "教师 " + observerId + " 既不是研修活动 " + sessionId + " 的主持人也不是参加人员。");
        }
        String date = PlatformTime.dateOf(PlatformTime.local(observedAt)).toString();
        if (!date.equals(doc.getString("date"))) {
            throw ApiProblem.unprocessable(CODE, "observedAt",
                    "The lesson was observed on " + date + " but session " + sessionId + " is on "
                            + doc.getString("date") + ".",
                    "听课日期 " + date + " 与研修活动 " + sessionId + " 的日期 " + doc.getString("date") + " 不一致。");
        }
        return teaching;
    }
}
