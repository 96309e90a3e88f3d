#!/bin/sh
# gen-edition.sh - writes a CSV edition (to standard output) that strains
# the roadmap's layout: long Chinese names without a break, long English
# names hyphenated end to end, potentials of a thousand billion tonnes,
# costs of a millionth of a yuan and of minus many thousands, in every
# sector. Usage: gen-edition.sh EDITION
ed=${1:-2025}
echo "id,edition,name_zh,name_en,sector,category,trl,submitter,credit_code,summary,potential,abatement_cost,demonstrations,payback"
awk -v ed="$ed" 'BEGIN {
	split("steel nonferrous petrochemical chemical building-materials", sec, " ")
	split("ST NF PC CH BM", code, " ")
	zh = "氢基竖炉直接还原炼铁与电弧炉短流程耦合及余热余压梯级利用和二氧化碳捕集利用与封存一体化集成示范技术"
	en = "Integrated-hydrogen-shaft-furnace-direct-reduction-coupled-with-electric-arc-furnace-and-waste-heat-cascade-utilisation"
	split("100000000万tCO2/a 0.01万tCO2/a 123456789万tCO2/a 5万tCO2/a 99999999万tCO2/a", pot, " ")
	split("0.000001 -123456.789 1234567.5 -0.000001 987654.321", cost, " ")
	for (i = 1; i <= 10; i++) {
		s = (i - 1) % 5 + 1
		printf "%s-%s-%03d,%s,%s%d,%s-%d,%s,process,%d,中国钢铁工业协会,51100000500001836H,以氢气替代焦炭还原铁矿石,%s,%s,3,2\n", \
			ed, code[s], 900 + i, ed, zh, i, en, i, sec[s], 5 + i % 5, \
			pot[s], cost[(i + 1) % 5 + 1]
	}
}'
