^plan_err_no_metric\.lua:4: target 'GDP': no metric 'GDP' in this plan
