package cn.xiaoben.activity.portfolio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The activity forms in the order the portfolio shows them, with their Chinese names. */
final class PortfolioForms {

    static final Map<String, String> NAMES_ZH = new LinkedHashMap<>();

    static {
        NAMES_ZH.put("THEMED_RESEARCH", "主题教研");
        NAMES_ZH.put("COLLECTIVE_PREPARATION", "集体备课");
        NAMES_ZH.put("LESSON_OBSERVATION", "听课评课");
        NAMES_ZH.put("SAME_LESSON_DIFFERENT_DESIGNS", "同课异构");
        NAMES_ZH.put("OPEN_LESSON", "公开课 / 示范课 / 观摩课 / 汇报课");
        NAMES_ZH.put("LECTURE", "专题讲座");
        NAMES_ZH.put("SALON", "专题沙龙");
        NAMES_ZH.put("READING_CLUB", "读书交流会");
        NAMES_ZH.put("READING_NOTE", "读书心得");
        NAMES_ZH.put("REFLECTION", "教学反思 / 案例分析 / 教育叙事");
        NAMES_ZH.put("ONLINE_STUDY", "网络研修");
        NAMES_ZH.put("EXTERNAL_TRAINING", "外出培训 / 外出听课");
        NAMES_ZH.put("RESEARCH_PROJECT", "课题研究");
        NAMES_ZH.put("PAPER", "论文 / 案例");
        NAMES_ZH.put("COMPETITION", "教学比赛");
        NAMES_ZH.put("MENTORSHIP", "师徒结对");
        NAMES_ZH.put("SKILL_PROGRAMME", "能力提升工程");
        NAMES_ZH.put("TEACHING_MATERIAL", "教案 / 试卷");
    }

    /** The forms that are PD sessions (hosted, attended). */
    static final Set<String> SESSIONS = Set.of("THEMED_RESEARCH", "COLLECTIVE_PREPARATION", "SAME_LESSON_DIFFERENT_DESIGNS",
            "OPEN_LESSON", "LECTURE", "SALON", "READING_CLUB");

    /** The session forms in which a teacher gives a lesson (公开课 and 同课异构). */
    static final Set<String> LESSONS = Set.of("OPEN_LESSON", "SAME_LESSON_DIFFERENT_DESIGNS");

    private PortfolioForms() {
    }

    static List<String> ordered() {
        return List.copyOf(NAMES_ZH.keySet());
    }
}
