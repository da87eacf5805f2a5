package cn.xiaoben.activity.level;

/**
 * The level of an activity, a paper, a competition or a research project: 校级 school, 镇级 township, 县/区级 county,
 * 市级 city, 省级 province, 国家级 national.
 */
public enum ActivityLevel {
    SCHOOL, TOWNSHIP, COUNTY, CITY, PROVINCE, NATIONAL;

    /** Above school level, participants may come from several schools. */
    public boolean crossesSchools() {
        return this != SCHOOL;
    }
}
