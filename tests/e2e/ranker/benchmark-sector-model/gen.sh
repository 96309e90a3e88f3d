# the model's long layout, written here with its routes' names: three
# regions, two years, two products; only (Ammonia, 2024, China) is read
echo "product,year,region,technology,expected_maturity,wacc,technology_lifetime,trl_current,technology_classification"
for p in Ammonia Urea; do for y in 2023 2024; do for r in Africa China Europe; do
  t=9; [ "$y" = 2023 ] && t=7
  echo "$p,$y,$r,Natural Gas SMR + ammonia synthesis,2020,0.08,30,9,initial"
  echo "$p,$y,$r,Electrolyser - dedicated VRES + grid PPA + ammonia synthesis,2030,0.08,30,$((t - 1)),end-state"
  echo "$p,$y,$r,Waste to ammonia,2050,0.08,30,$t,end-state"
  echo "$p,$y,$r,Natural Gas ATR + CCS + ammonia synthesis,2025,0.08,30,9,end-state"
done; done; done
