package cn.xiaoben.activity.submission;

/** The written reflections a teacher submits: 教学反思, 教育叙事, 案例分析. */
public enum ReflectionKind {
    teachingReflection, educationNarrative, caseStudy
}
