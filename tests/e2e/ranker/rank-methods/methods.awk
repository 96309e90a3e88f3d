# methods.awk - an independent reimplementation of the four methods of
# `lowcarb rank` under the top20 profile, from their textbook definitions,
# to check the scores the binary prints.
# Usage: awk -F, -v method=wsm|topsis|vikor|promethee2 -f methods.awk R.csv
# R.csv is `lowcarb rank --format csv`: criteria from column 11 on; only
# eligible rows ($6 == 1) are ranked. Prints every score that differs by
# more than 1e-9 and exits 1 when there is one.
#
# The top20 profile (data/criteria/top20.xml): weights, directions
# (1 benefit, -1 cost) and PROMETHEE preference functions, in the CSV's
# column order: carbon potential maturity trl economic abatement_cost
# payback replicability innovation. Normalisation minmax (the potential
# log-minmax: log10 then minmax), VIKOR v = 0.5.
# A column with no value at all is a criterion left out: the other
# weights are renormalised.
BEGIN {
	split("0.20 0.15 0.15 0.05 0.10 0.10 0.05 0.10 0.10", w, " ")
	split("1 1 1 1 1 -1 -1 1 1", dir, " ")
	split("vshape:4 linear:100000:2000000 vshape:4 ushape:0 vshape:4 " \
	      "linear:20:200 vshape:3 vshape:4 vshape:4", pref, " ")
	n = 9
	bad = 0
}
NR == 1 {
	if ($11 != "carbon" || $19 != "innovation") {
		print "unexpected columns: " $0
		bad = 1
	}
	next
}
$6 == 1 {
	m++
	id[m] = $2
	got[m] = $4
	for (j = 1; j <= n; j++) {
		x[m, j] = $(10 + j) + 0
		# the national potential on a log scale (log-minmax), except
		# for PROMETHEE II, whose preference thresholds are in tCO2/a
		if (j == 2 && method != "promethee2" && x[m, j] > 0)
			x[m, j] = log(x[m, j]) / log(10)
		if ($(10 + j) == "") empty[j]++
	}
}
# Brans & Vincke's preference functions of a difference d (>0: better).
function P(spec, d,   a, k) {
	k = split(spec, a, ":")
	if (a[1] == "usual")
		return d > 0 ? 1 : 0
	if (a[1] == "ushape")
		return d > a[2] ? 1 : 0
	if (a[1] == "vshape")
		return d <= 0 ? 0 : d >= a[2] ? 1 : d / a[2]
	if (a[1] == "linear")
		return d <= a[2] ? 0 : d > a[3] ? 1 : (d - a[2]) / (a[3] - a[2])
	if (a[1] == "gaussian")
		return d <= 0 ? 0 : 1 - exp(-d * d / (2 * a[2] * a[2]))
	print "unknown preference " spec
	exit 2
}
END {
	if (m < 2) { print "fewer than 2 eligible rows"; exit 1 }
	# A criterion without values (the panel's, under --indicators-only or
	# without scores) is left out and the other weights renormalised.
	sum = 0
	for (j = 1; j <= n; j++) {
		if (empty[j] == m)
			w[j] = 0
		else if (empty[j] > 0) {
			print "criterion " j ": values missing in some rows"
			exit 1
		}
		sum += w[j]
	}
	for (j = 1; j <= n; j++)
		w[j] /= sum
	for (j = 1; j <= n; j++) {
		lo[j] = hi[j] = x[1, j]
		for (i = 2; i <= m; i++) {
			if (x[i, j] < lo[j]) lo[j] = x[i, j]
			if (x[i, j] > hi[j]) hi[j] = x[i, j]
		}
	}
	for (i = 1; i <= m; i++) {
		# minmax, a constant column 1 (the README's rule); a cost
		# turned round as 1 - r after it (so a constant cost is 0)
		for (j = 1; j <= n; j++) {
			r = hi[j] > lo[j] ? (x[i, j] - lo[j]) / (hi[j] - lo[j]) : 1
			if (dir[j] < 0)
				r = 1 - r
			nr[i, j] = r
		}
	}
	if (method == "wsm") {
		for (i = 1; i <= m; i++) {
			s = 0
			for (j = 1; j <= n; j++)
				s += w[j] * nr[i, j]
			want[i] = s
		}
	} else if (method == "topsis") {
		# weighted minmax values; ideal the best, anti-ideal the worst
		for (i = 1; i <= m; i++) {
			dp = dm = 0
			for (j = 1; j <= n; j++) {
				# cost turned round: the ideal is r = 1, the
				# anti-ideal r = 0; a constant column adds 0
				if (hi[j] == lo[j])
					continue
				v = w[j] * nr[i, j]
				dp += (v - w[j]) ^ 2
				dm += v ^ 2
			}
			dp = sqrt(dp)
			dm = sqrt(dm)
			want[i] = dp + dm > 0 ? dm / (dp + dm) : 0.5
		}
	} else if (method == "vikor") {
		for (i = 1; i <= m; i++) {
			S[i] = 0
			R[i] = 0
			for (j = 1; j <= n; j++) {
				if (hi[j] == lo[j])
					continue
				fb = dir[j] > 0 ? hi[j] : lo[j]
				t = w[j] * (fb - x[i, j]) / (fb - (dir[j] > 0 ? lo[j] : hi[j]))
				S[i] += t
				if (t > R[i]) R[i] = t
			}
		}
		Smin = Smax = S[1]; Rmin = Rmax = R[1]
		for (i = 2; i <= m; i++) {
			if (S[i] < Smin) Smin = S[i]
			if (S[i] > Smax) Smax = S[i]
			if (R[i] < Rmin) Rmin = R[i]
			if (R[i] > Rmax) Rmax = R[i]
		}
		for (i = 1; i <= m; i++) {
			q = 0
			if (Smax - Smin > 1e-12) q += 0.5 * (S[i] - Smin) / (Smax - Smin)
			if (Rmax - Rmin > 1e-12) q += 0.5 * (R[i] - Rmin) / (Rmax - Rmin)
			want[i] = 1 - q   # rank scores are higher-better
		}
	} else if (method == "promethee2") {
		for (i = 1; i <= m; i++)
			plus[i] = minus[i] = 0
		for (i = 1; i <= m; i++)
			for (k = 1; k <= m; k++) {
				if (i == k) continue
				pi = 0
				for (j = 1; j <= n; j++)
					pi += w[j] * P(pref[j], dir[j] * (x[i, j] - x[k, j]))
				plus[i] += pi
				minus[k] += pi
			}
		for (i = 1; i <= m; i++)
			want[i] = (plus[i] - minus[i]) / (m - 1)
	} else {
		print "unknown method " method
		exit 2
	}
	for (i = 1; i <= m; i++) {
		d = want[i] - got[i]
		if (d < 0) d = -d
		if (d > 1e-9) {
			printf "%s %s: score %s, want %.17g\n", method, id[i], got[i], want[i]
			bad = 1
		}
	}
	exit bad
}
