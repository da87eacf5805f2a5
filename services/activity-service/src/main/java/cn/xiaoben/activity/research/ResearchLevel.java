package cn.xiaoben.activity.research;

/** Who a research project is registered with: 校级, 乡镇级, 县级, 市级, 省级, 国家级. */
public enum ResearchLevel {
    SCHOOL, TOWNSHIP, COUNTY, CITY, PROVINCE, NATIONAL
}
