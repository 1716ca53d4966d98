^strict_share_metric\.lua:5: target 'PV share': with share =, of = names the total; metric = would be ignored \(drop it\)
