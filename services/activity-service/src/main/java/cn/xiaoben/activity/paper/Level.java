package cn.xiaoben.activity.paper;

/** Level of a journal, appraisal or competition: 校级, 乡镇级, 县级, 市级, 省级, 国家级. */
public enum Level {
    SCHOOL, TOWNSHIP, COUNTY, CITY, PROVINCE, NATIONAL
}
