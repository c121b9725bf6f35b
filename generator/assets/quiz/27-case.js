/* case: a scenario with sub-questions of the other types, each scored on its own */
TYPES.case = {name: '案例分析'};
