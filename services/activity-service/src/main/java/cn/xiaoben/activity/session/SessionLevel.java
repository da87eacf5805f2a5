package cn.xiaoben.activity.session;

/** Who organises a session: 校级 … 国家级. Participants from other schools are allowed from TOWNSHIP upwards. */
public enum SessionLevel {
    SCHOOL, TOWNSHIP, COUNTY, CITY, PROVINCE, NATIONAL;

    boolean crossesSchools() {
        return this != SCHOOL;
    }
}
