/* plan_energy.c — the plan core's energy accounting (issue 15,
 * docs/energy.md): the energy options, energy sectors and measures and
 * their metrics, and the evaluation pass that hands a plan to the energy
 * core (energy.c) and reads its results back. Plain C, no Lua. A plan that
 * never calls into this file (have_energy 0) is evaluated as before. */
#include "plan_int.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define free(x) dc_plan__free(p, (x))

#define POWER_DIMS ((dc_dims){{[DC_DIM_LENGTH] = 2, [DC_DIM_MASS] = 1, [DC_DIM_TIME] = -3}})
#define CO2_RATE ((dc_dims){{[DC_DIM_CO2] = 1, [DC_DIM_TIME] = -1}})
#define CH4_RATE ((dc_dims){{[DC_DIM_CH4] = 1, [DC_DIM_TIME] = -1}})
#define N2O_RATE ((dc_dims){{[DC_DIM_N2O] = 1, [DC_DIM_TIME] = -1}})

void dc_plan__energy_init(dc_plan *p) {
  for (size_t i = 0; i < sizeof p->met_e / sizeof p->met_e[0]; i++) p->met_e[i] = -1;
  p->imports_sector = -1;
}

static void free_opts(dc_plan *p) {
  free(p->grid); free(p->heat_factor); free(p->imports); free(p->imports_nonfossil); free(p->gwp);
  for (size_t i = 0; i < p->nfac; i++) free((double *)p->fac[i].v);
  free(p->fac);
  p->grid = p->heat_factor = p->imports = p->imports_nonfossil = NULL;
  p->gwp = NULL;
  p->fac = NULL;
  p->nfac = 0;
}

void dc_plan__energy_free(dc_plan *p) {
  free_opts(p);
  free(p->escr);
  p->escr = NULL;
  p->escr_size = 0;
}

int dc_plan__is_energy_kind(enum dc_measure_kind k) {
  return k == DC_MEASURE_ENERGY_SAVES || k == DC_MEASURE_SWITCH;
}

static int efail(dc_plan *p, const dc_energy_error *e) { return dc_plan__fail(p, "%s", e->msg); }

/* ===================================================================== */
/* metrics                                                                */
/* ===================================================================== */

static int emetric(dc_plan *p, int which, const char *name, dc_dims dims, const dc_display *disp) {
  if (p->met_e[which] >= 0) return 0;
  if (dc_plan_find_metric(p, name) >= 0)
    return dc_plan__fail(p, "the name '%s' is already used in this plan, but energy accounting "
                            "names a metric so (energy, electricity, coal, primary_energy, "
                            "nonfossil_share, co2, ch4, n2o, energy:FUEL): rename yours", name);
  int mi = dc_plan__add_metric(p, name, MK_ENERGY, which, dims, disp, NULL);
  if (mi < 0) return -1;
  p->met_e[which] = mi;
  return 0;
}

/* The plan's energy metrics, once: the gases always, energy ones when the
 * plan uses energy (with_energy), primary ones with a method. */
static int ensure_metrics(dc_plan *p, int with_energy) {
  p->have_energy = 1;
  if (!p->have_energy_disp && !p->energy_disp.label[0]) {
    /* until an amount says otherwise, energy shows in tce/yr, not in W */
    dc_unit u;
    dc_units_error ue;
    if (dc_units_parse_display("tce/yr", &u, &p->energy_disp, &ue)) memset(&p->energy_disp, 0, sizeof p->energy_disp);
  }
  const dc_display *ed = &p->energy_disp;
  dc_display gas;
  memset(&gas, 0, sizeof gas);
  if (emetric(p, EO_CO2, "co2", CO2_RATE, &gas) ||
      emetric(p, EO_CH4, "ch4", CH4_RATE, &gas) ||
      emetric(p, EO_N2O, "n2o", N2O_RATE, &gas))
    return -1;
  if (!with_energy && p->met_e[EO_ENERGY] < 0) return 0;
  if (emetric(p, EO_ENERGY, "energy", POWER_DIMS, ed) ||
      emetric(p, EO_ELECTRICITY, "electricity", POWER_DIMS, ed) ||
      emetric(p, EO_COAL, "coal", POWER_DIMS, ed))
    return -1;
  if (p->primary != DC_PRIMARY_NONE &&
      (emetric(p, EO_PRIMARY, "primary_energy", POWER_DIMS, ed) ||
       emetric(p, EO_NONFOSSIL, "nonfossil_share", NODIMS, &p->share_disp)))
    return -1;
  return 0;
}

/* "energy:FUEL" for a fuel a sector names or a switch moves to. */
static int fuel_metric(dc_plan *p, int fuel) {
  char name[80];
  snprintf(name, sizeof name, "energy:%s", dc_energy_fuel_at((size_t)fuel)->name);
  return emetric(p, EO_FUEL + fuel, name, POWER_DIMS, &p->energy_disp);
}

/* The first display of an energy amount becomes the energy metrics'. */
static void energy_display(dc_plan *p, const dc_display *d) {
  if (p->have_energy_disp || !d || !d->label[0]) return;
  p->energy_disp = *d;
  p->have_energy_disp = 1;
  for (size_t i = 0; i < sizeof p->met_e / sizeof p->met_e[0]; i++)
    if (p->met_e[i] >= 0 && i != EO_NONFOSSIL && (i < EO_CO2 || i >= EO_FUEL)) p->met[p->met_e[i]].disp = *d;
}

int dc_plan__energy_missing_metric(dc_plan *p, const char *tname, const char *name) {
  if (strcmp(name, "primary_energy") != 0 && strcmp(name, "nonfossil_share") != 0) return 0;
  if (p->primary != DC_PRIMARY_NONE) return 0;
  dc_plan__fail(p, "target '%s': plan '%s' asks for %s but names no primary-energy method: give "
                   "primary = \"calorific\" (0.1229 kgce/kWh) or primary = \"coal\" "
                   "(coal-consumption method) on the plan", tname, p->name, name);
  return 1;
}

/* ===================================================================== */
/* building                                                               */
/* ===================================================================== */

/* The plan's emissions become CO2 per time (with co2e by the GWP set), or
 * must already be: 0 or -1. */
static int co2_emissions(dc_plan *p, const char *what, const dc_display *disp) {
  dc_display d;
  memset(&d, 0, sizeof d);
  if (disp) d = *disp;
  if (p->gwp) d.co2e = 1;
  if (p->have_emis && !dc_plan__dims_eq(p->emis_dims, CO2_RATE))
    return dc_plan__fail(p, "%s counts CO2 (or CO2e), but the plan's first sector '%s' has "
                            "emissions of another kind: give every sector's emissions as CO2 "
                            "or CO2e per year, and name a GWP set (gwp = \"AR6\") for other gases",
                         what, p->nsec ? p->sec[0].name : "?");
  if (!p->have_emis) {
    p->have_emis = 1;
    p->emis_dims = CO2_RATE;
    p->emis_disp = d;
    for (int i = DC_MET_EMISSIONS; i <= DC_MET_ABATEMENT; i++) {
      p->met[i].dims = CO2_RATE;
      p->met[i].disp = d;
      p->met[i].dims_known = 1;
    }
  } else if (d.co2e && !p->emis_disp.co2e) {
    p->emis_disp.co2e = 1;
    if (!dc_units_label_co2e(p->emis_disp.label, sizeof p->emis_disp.label)) p->emis_disp.label[0] = '\0';
    for (int i = DC_MET_EMISSIONS; i <= DC_MET_ABATEMENT; i++) p->met[i].disp = p->emis_disp;
  }
  return 0;
}

static int finite_series(dc_plan *p, const char *what, const double *v) {
  for (int i = 0; i < p->n; i++)
    if (!isfinite(v[i])) return dc_plan__fail(p, "%s must be a finite value (in %d)", what, p->y0 + i);
  return 0;
}

/* checks every option of o: 0 or -1 */
static int check_opts(dc_plan *p, const dc_plan_energy_opts *o) {
  dc_energy_error e;
  char what[120];
  snprintf(what, sizeof what, "grid of plan '%s'", p->name);
  if (o->grid && dc_energy_check_factor(what, o->grid_dims, &e)) return efail(p, &e);
  if (o->grid && finite_series(p, what, o->grid)) return -1;
  snprintf(what, sizeof what, "heat_factor of plan '%s'", p->name);
  if (o->heat_factor && dc_energy_check_factor(what, o->heat_factor_dims, &e)) return efail(p, &e);
  snprintf(what, sizeof what, "imports of plan '%s'", p->name);
  if (o->imports && dc_energy_check_amount(what, o->imports_label, o->imports_dims, &e)) return efail(p, &e);
  if (o->imports_nonfossil)
    for (int i = 0; i < p->n; i++)
      if (!(o->imports_nonfossil[i] >= 0 && o->imports_nonfossil[i] <= 1))
        return dc_plan__fail(p, "imports_nonfossil of plan '%s' must be a share between 0 and 100 %% "
                                "(in %d it is %g %%)", p->name, p->y0 + i, o->imports_nonfossil[i] * 100);
  double g;
  if (o->gwp && dc_energy_gwp(o->gwp, "CH4", &g, &e)) return efail(p, &e);
  if (o->primary != DC_PRIMARY_NONE && o->primary != DC_PRIMARY_CALORIFIC && o->primary != DC_PRIMARY_COAL)
    return dc_plan__fail(p, "plan '%s': unknown primary-energy method", p->name);
  for (size_t i = 0; i < o->nfactors; i++) {
    int f = dc_energy_fuel_find(o->factor_fuels[i], &e);
    if (f < 0) return dc_plan__fail(p, "factors of plan '%s': %s", p->name, e.msg);
    const dc_energy_fuel *fu = dc_energy_fuel_at((size_t)f);
    if (!fu->fossil && fu->family != DC_FUEL_BIOMASS)
      return dc_plan__fail(p, "factors of plan '%s': %s takes its factor from %s, not factors =",
                           p->name, fu->name, f == DC_FUEL_I_ELECTRICITY ? "grid =" : "heat_factor =");
    snprintf(what, sizeof what, "factors.%s of plan '%s'", fu->name, p->name);
    if (dc_energy_check_factor(what, o->factor_dims[i], &e)) return efail(p, &e);
  }
  return 0;
}

static int copy_opt(dc_plan *p, double **dst, const double *v) {
  if (!v) return 0;
  return (*dst = dc_plan__dupser(p, v)) ? 0 : -1;
}

int dc_plan_set_energy(dc_plan *p, const dc_plan_energy_opts *o) {
  if (dc_plan__check_idle(p)) return -1;
  if (check_opts(p, o)) return -1;
  int any = o->grid || o->heat_factor || o->imports || o->imports_nonfossil ||
            o->primary != DC_PRIMARY_NONE || o->gwp || o->nfactors;
  if (!any && !p->have_energy) return 0;
  if (o->gwp && p->have_emis && !dc_plan__dims_eq(p->emis_dims, CO2_RATE))
    return dc_plan__fail(p, "plan '%s': name the GWP set before the sectors (gwp = on plan{})", p->name);
  free_opts(p);
  if (copy_opt(p, &p->grid, o->grid) || copy_opt(p, &p->heat_factor, o->heat_factor) ||
      copy_opt(p, &p->imports, o->imports) || copy_opt(p, &p->imports_nonfossil, o->imports_nonfossil) ||
      (o->gwp && !(p->gwp = dc_plan__dupstr(p, o->gwp))))
    goto oom;
  if (o->nfactors) {
    p->fac = dc_plan__realloc(p, NULL, o->nfactors * sizeof *p->fac);
    if (!p->fac) goto oom;
    for (size_t i = 0; i < o->nfactors; i++) {
      p->fac[i].fuel = dc_energy_fuel_find(o->factor_fuels[i], NULL);
      p->fac[i].v = dc_plan__dupser(p, o->factors[i]);
      p->nfac = i + 1;
      if (!p->fac[i].v) goto oom;
    }
  }
  p->primary = o->primary;
  if (o->energy_disp && o->energy_disp->label[0]) {
    p->have_energy_disp = 0;
    energy_display(p, o->energy_disp);
  }
  if (p->gwp && p->have_emis && co2_emissions(p, "the GWP set", NULL)) return -1;
  p->ebau_ok = 0;
  dc_plan__invalidate(p);
  return ensure_metrics(p, o->grid || o->heat_factor || o->imports || o->imports_nonfossil ||
                              o->primary != DC_PRIMARY_NONE || o->nfactors);
oom:
  free_opts(p);
  return dc_plan__fail(p, "out of memory");
}

/* the checks of one fuel use of sector spec sp (fuel index to *fuel) */
static int check_use(dc_plan *p, const dc_plan_energy_sector *sp, const dc_plan_fuel_use *u,
                     const unsigned char *seen, int *fuel) {
  dc_energy_error e;
  char what[200];
  int f = dc_energy_fuel_find(u->fuel, &e);
  if (f < 0) return dc_plan__fail(p, "sector '%s': %s", sp->name, e.msg);
  const dc_energy_fuel *fu = dc_energy_fuel_at((size_t)f);
  if (seen[f]) return dc_plan__fail(p, "sector '%s' gives fuel '%s' twice", sp->name, fu->name);
  snprintf(what, sizeof what, "%s.%s of sector '%s'", sp->activity ? "intensity" : "energy", u->fuel,
           sp->name);
  if (!u->v) return dc_plan__fail(p, "%s has no value", what);
  if (sp->activity) {
    dc_dims d;
    if (!dc_dims_mul(sp->activity_dims, u->dims, &d))
      return dc_plan__fail(p, "%s: activity x intensity overflows units", what);
    snprintf(what, sizeof what, "activity x intensity.%s of sector '%s'", u->fuel, sp->name);
    if (dc_energy_check_amount(what, NULL, d, &e)) return efail(p, &e);
  } else if (dc_energy_check_amount(what, u->label, u->dims, &e))
    return efail(p, &e);
  if (finite_series(p, what, u->v)) return -1;
  if (sp->power && !fu->fossil && fu->family != DC_FUEL_BIOMASS)
    return dc_plan__fail(p, "power sector '%s' uses %s: a power sector lists only the fuels its "
                            "plants burn (coal, oil, gas, biomass); its own use of electricity "
                            "belongs to another sector", sp->name, fu->name);
  *fuel = f;
  return 0;
}

static int check_gas(dc_plan *p, const dc_plan_energy_sector *sp, const dc_plan_gas *g) {
  dc_energy_error e;
  char what[200];
  if (!g->gas || !*g->gas || strlen(g->gas) >= sizeof ((egas_t *)0)->gas || !g->v)
    return dc_plan__fail(p, "sector '%s': a gas needs a name (\"CH4\", \"N2O\", \"SF6\") and a value",
                         sp->name);
  snprintf(what, sizeof what, "the %s of sector '%s'", g->gas, sp->name);
  if (dc_energy_check_gas(what, g->gas, g->dims, &e)) return efail(p, &e);
  if (strcmp(g->gas, "CO2") != 0 && !p->gwp)
    return dc_plan__fail(p, "sector '%s' emits %s but plan '%s' names no GWP set, so its emissions "
                            "cannot be CO2e: give gwp = \"AR6\" (or \"AR5\", \"AR4\") on the plan",
                         sp->name, g->gas, p->name);
  double gw;
  if (p->gwp && dc_energy_gwp(p->gwp, g->gas, &gw, &e))
    return dc_plan__fail(p, "sector '%s': %s", sp->name, e.msg);
  return finite_series(p, what, g->v);
}

static int check_sector(dc_plan *p, const dc_plan_energy_sector *sp, int *fuels) {
  dc_energy_error e;
  unsigned char seen[DC_ENERGY_MAXFUELS] = {0};
  if (!sp->name || !*sp->name) return dc_plan__fail(p, "a sector needs a name");
  if (dc_plan_find_metric(p, sp->name) >= 0)
    return dc_plan__fail(p, "the name '%s' is already used in this plan", sp->name);
  if (!sp->nuse && !sp->ngas)
    return dc_plan__fail(p, "sector '%s': give its energy use by fuel (energy = { coal = ... }) or "
                            "its emissions", sp->name);
  if (dc_energy_init(&e)) return efail(p, &e);
  for (size_t j = 0; j < sp->nuse; j++) {
    if (check_use(p, sp, &sp->uses[j], seen, &fuels[j])) return -1;
    seen[fuels[j]] = 1;
  }
  for (size_t j = 0; j < sp->ngas; j++)
    if (check_gas(p, sp, &sp->gases[j])) return -1;
  char what[200];
  snprintf(what, sizeof what, "grid of sector '%s'", sp->name);
  if (sp->grid && dc_energy_check_factor(what, sp->grid_dims, &e)) return efail(p, &e);
  if (sp->activity && finite_series(p, "activity", sp->activity)) return -1;
  return 0;
}

/* v = act x inten for every use of an activity sector */
static void sector_uses(dc_plan *p, sector_t *s) {
  if (!s->act) return;
  for (size_t j = 0; j < s->nuse; j++)
    for (int i = 0; i < p->n; i++) s->use[j].v[i] = s->act[i] * s->use[j].inten[i];
}

static int fill_sector(dc_plan *p, sector_t *s, const dc_plan_energy_sector *sp, const int *fuels) {
  s->energy = 1;
  s->power = sp->power != 0;
  if (sp->nuse && !(s->use = dc_plan__realloc(p, NULL, sp->nuse * sizeof *s->use))) return -1;
  if (sp->ngas && !(s->gas = dc_plan__realloc(p, NULL, sp->ngas * sizeof *s->gas))) return -1;
  if (sp->activity) {
    if (!(s->act = dc_plan__dupser(p, sp->activity))) return -1;
    s->adims = sp->activity_dims;
  }
  for (size_t j = 0; j < sp->nuse; j++) {
    euse_t *u = &s->use[j];
    memset(u, 0, sizeof *u);
    s->nuse = j + 1;
    u->fuel = fuels[j];
    u->idims = sp->uses[j].dims;
    if (sp->activity) {
      if (!(u->inten = dc_plan__dupser(p, sp->uses[j].v)) || !(u->v = dc_plan__dupser(p, NULL))) return -1;
    } else if (!(u->v = dc_plan__dupser(p, sp->uses[j].v)))
      return -1;
  }
  sector_uses(p, s);
  for (size_t j = 0; j < sp->ngas; j++) {
    egas_t *g = &s->gas[j];
    memset(g, 0, sizeof *g);
    s->ngas = j + 1;
    snprintf(g->gas, sizeof g->gas, "%s", sp->gases[j].gas);
    g->dims = sp->gases[j].dims;
    if (!(g->v = dc_plan__dupser(p, sp->gases[j].v))) return -1;
  }
  if (sp->grid && !(s->grid = dc_plan__dupser(p, sp->grid))) return -1;
  return 0;
}

/* the pseudo-sector of net imports' CO2, made with the first power sector */
static int imports_sector(dc_plan *p) {
  if (p->imports_sector >= 0) return 0;
  const char *nm = "electricity imports";
  if (dc_plan_find_metric(p, nm) >= 0)
    return dc_plan__fail(p, "the name '%s' is already used in this plan, but a plan with a power "
                            "sector counts the CO2 of its net imports in a sector so named: "
                            "rename yours", nm);
  int si = dc_plan__new_sector(p, nm, "net electricity imports x grid (docs/energy.md)", &p->emis_disp);
  if (si < 0) return -1;
  p->sec[si].energy = p->sec[si].imports = 1;
  p->imports_sector = si;
  return 0;
}

int dc_plan_sector_energy(dc_plan *p, const dc_plan_energy_sector *sp) {
  if (dc_plan__check_idle(p)) return -1;
  int fuels[DC_ENERGY_MAXFUELS];
  if (sp->nuse > DC_ENERGY_MAXFUELS)
    return dc_plan__fail(p, "sector '%s' names more fuels than there are", sp->name ? sp->name : "");
  if (check_sector(p, sp, fuels)) return -1;
  char what[200];
  snprintf(what, sizeof what, "sector '%s'", sp->name);
  if (co2_emissions(p, what, sp->emis_disp)) return -1;
  if (ensure_metrics(p, sp->nuse > 0)) return -1;
  int si = dc_plan__new_sector(p, sp->name, sp->source, &p->emis_disp);
  if (si < 0) return -1;
  if (fill_sector(p, &p->sec[si], sp, fuels)) return dc_plan__fail(p, "out of memory"); /* freed with the plan */
  for (size_t j = 0; j < sp->nuse; j++) {
    if (!sp->activity) energy_display(p, sp->uses[j].disp);
    if (fuel_metric(p, fuels[j])) return -1;
  }
  if (sp->power) {
    p->npower++;
    if (imports_sector(p)) return -1;
  }
  p->ebau_ok = 0;
  dc_plan__invalidate(p);
  return si;
}

int dc_plan__gas_sector(dc_plan *p, const char *name, const double *v, dc_dims dims,
                        const dc_display *disp, const char *source, int *si) {
  (void)disp;
  const char *gas = dc_plan__dims_eq(dims, CH4_RATE)   ? "CH4"
                    : dc_plan__dims_eq(dims, N2O_RATE) ? "N2O"
                                                                         : NULL;
  if (!gas) return 0; /* CO2 (or no gas: the caller says so) */
  /* every CH4 or N2O sector is counted as CO2e: without a GWP set,
     dc_plan_sector_energy fails saying to name one (issue 15) */
  dc_plan_gas g = {gas, v, dims};
  dc_plan_energy_sector sp;
  memset(&sp, 0, sizeof sp);
  sp.name = name;
  sp.source = source;
  sp.gases = &g;
  sp.ngas = 1;
  *si = dc_plan_sector_energy(p, &sp);
  return *si < 0 ? -1 : 1;
}

int dc_plan_sector_fuel_index(dc_plan *p, int si, const char *fuel) {
  if (si < 0 || (size_t)si >= p->nsec) return dc_plan__fail(p, "no sector #%d", si);
  const sector_t *s = &p->sec[si];
  if (!s->nuse)
    return dc_plan__fail(p, "sector '%s' is not given by its energy use (energy = { FUEL = S }): it has no "
                            "energy.%s", s->name, fuel ? fuel : "");
  dc_energy_error e;
  int f = fuel ? dc_energy_fuel_find(fuel, &e) : -1;
  if (f < 0 && fuel) return efail(p, &e);
  char list[400] = "";
  for (size_t j = 0; j < s->nuse; j++) {
    if (s->use[j].fuel == f) return (int)j;
    size_t l = strlen(list);
    snprintf(list + l, sizeof list - l, "%senergy.%s", j ? ", " : "", dc_energy_fuel_at((size_t)s->use[j].fuel)->name);
  }
  return dc_plan__fail(p, "sector '%s' uses no %s (name one of its fuels: %s)", s->name, fuel ? fuel : "fuel",
                       list);
}

int dc_plan_capacity_fossil(dc_plan *p, const char *tech, int v) {
  if (dc_plan__check_idle(p)) return -1;
  int t = tech ? dc_plan__find(p, DC_PK_TECH, 0, tech) : -1;
  if (t < 0) return dc_plan__fail(p, "no technology '%s' (define it with p:capacity first)", tech ? tech : "");
  p->tech[t].fossil = v != 0;
  dc_plan__invalidate(p);
  return 0;
}

/* ---- energy measures ---- */

static int sector_uses_fuel(const sector_t *s, int f) {
  for (size_t j = 0; j < s->nuse; j++)
    if (s->use[j].fuel == f) return 1;
  return 0;
}

static int no_such_use(dc_plan *p, const char *nm, const sector_t *s, int f, const char *verb) {
  char list[200];
  size_t k = 0;
  list[0] = '\0';
  for (size_t j = 0; j < s->nuse && k < sizeof list; j++)
    k += (size_t)snprintf(list + k, sizeof list - k, "%s%s", j ? ", " : "",
                          dc_energy_fuel_at((size_t)s->use[j].fuel)->name);
  return dc_plan__fail(p, "measure '%s' %s %s, but sector '%s' uses none (its fuels: %s)", nm, verb,
                       dc_energy_fuel_at((size_t)f)->name, s->name, k ? list : "none");
}

/* the share of `from` the switches of sector si move together when m runs */
static double switched(const dc_plan *p, const measure_t *m) {
  double sum = m->share;
  for (size_t k = 0; k < p->nmea; k++) {
    const measure_t *o = &p->mea[k];
    if (o->kind != DC_MEASURE_SWITCH || o->sector != m->sector || o->from != m->from || o == m) continue;
    if (o->scenario != -1 && o->scenario != m->scenario) continue;
    if (o->scenario == -1 && m->scenario != -1 && strcmp(o->name, m->name) == 0) continue; /* replaced */
    sum += o->share;
  }
  return sum;
}

static int share_error(dc_plan *p, const measure_t *m) {
  const char *fn = dc_energy_fuel_at((size_t)m->from)->name;
  if (!(m->share > 0))
    return dc_plan__fail(p, "measure '%s': its switch must move more than 0 %% of %s (share = \"40 %%\" or 0.4)",
                         m->name, fn);
  if (m->share > 1)
    return dc_plan__fail(p, "measure '%s' switches %g %% of %s: a switch moves at most 100 %% of a "
                            "fuel's use (share = \"40 %%\" or 0.4)", m->name, m->share * 100, fn);
  double sum = switched(p, m);
  if (sum > 1 + 1e-12)
    return dc_plan__fail(p, "the switches away from %s in sector '%s' move %g %% of its use together "
                            "(with measure '%s'): at most 100 %% can move (each share is of the "
                            "sector's BAU use)", fn, p->sec[m->sector].name, sum * 100, m->name);
  return 0;
}

static int switch_fields(dc_plan *p, measure_t *m, const dc_plan_measure_spec *sp, const sector_t *s) {
  dc_energy_error e;
  if (!sp->from || !sp->to) return dc_plan__fail(p, "measure '%s': a switch needs from = and to = fuels", m->name);
  if ((m->from = dc_energy_fuel_find(sp->from, &e)) < 0 || (m->to = dc_energy_fuel_find(sp->to, &e)) < 0)
    return dc_plan__fail(p, "measure '%s': %s", m->name, e.msg);
  const char *fn = dc_energy_fuel_at((size_t)m->from)->name, *tn = dc_energy_fuel_at((size_t)m->to)->name;
  if (m->from == m->to)
    return dc_plan__fail(p, "measure '%s' switches %s to itself: from and to must differ", m->name, fn);
  if (!sector_uses_fuel(s, m->from)) return no_such_use(p, m->name, s, m->from, "switches from");
  const dc_energy_fuel *to = dc_energy_fuel_at((size_t)m->to);
  if (s->power && !to->fossil && to->family != DC_FUEL_BIOMASS)
    return dc_plan__fail(p, "measure '%s' switches power sector '%s' to %s: a power sector burns "
                            "only fuels (coal, oil, gas, biomass)", m->name, s->name, tn);
  m->share = sp->share;
  m->efficiency = sp->efficiency == 0 ? 1 : sp->efficiency;
  if (!(m->efficiency > 0) || !isfinite(m->efficiency))
    return dc_plan__fail(p, "measure '%s': efficiency must be a positive number (3 for a heat pump "
                            "replacing a boiler: 3 J of %s per J of %s), not %g", m->name, fn, tn,
                         sp->efficiency);
  if (share_error(p, m)) return -1;
  return fuel_metric(p, m->to);
}

int dc_plan__energy_measure(dc_plan *p, measure_t *m, const dc_plan_measure_spec *sp) {
  dc_energy_error e;
  const char *what = sp->kind == DC_MEASURE_SWITCH ? "switch =" : "saves = with fuel =";
  m->fuel = m->from = m->to = -1;
  if (m->sector < 0)
    return dc_plan__fail(p, "measure '%s': %s needs sector = (a sector given by energy =)", m->name, what);
  const sector_t *s = &p->sec[m->sector];
  if (!s->energy || s->imports || !s->nuse)
    return dc_plan__fail(p, "measure '%s': %s works in a sector given by its energy use (energy = "
                            "{ coal = ... }); sector '%s' gives its emissions", m->name, what, s->name);
  if (sp->kind == DC_MEASURE_SWITCH) return switch_fields(p, m, sp, s);
  if ((m->fuel = dc_energy_fuel_find(sp->fuel, &e)) < 0) return dc_plan__fail(p, "measure '%s': %s", m->name, e.msg);
  if (!sector_uses_fuel(s, m->fuel)) return no_such_use(p, m->name, s, m->fuel, "saves");
  if (!sp->amount) return dc_plan__fail(p, "measure '%s': saves needs a value", m->name);
  char w[160];
  snprintf(w, sizeof w, "saves of measure '%s'", m->name);
  if (dc_energy_check_amount(w, sp->amount_label, sp->amount_dims, &e)) return efail(p, &e);
  return finite_series(p, w, sp->amount);
}

int dc_plan__energy_set_share(dc_plan *p, measure_t *m, double v) {
  double old = m->share;
  m->share = v;
  if (share_error(p, m)) {
    m->share = old;
    return -1;
  }
  return 0;
}

/* ===================================================================== */
/* evaluation                                                             */
/* ===================================================================== */

/* the pass's scratch, laid out in one block */
typedef struct escr_t {
  dc_energy_spec spec;
  dc_energy_out out;
  dc_energy_sector *sec;
  dc_energy_measure *mea;
  int *secmap; /* plan sector -> spec sector, -1 */
  int *meamap; /* spec measure -> plan measure */
  double *sector_co2;
} escr_t;

static size_t align8(size_t x) { return (x + 15) & ~(size_t)15; }

/* Fills es from the plan (no measures yet). 0 or -1 (no memory). */
static int scratch(dc_plan *p, escr_t *es) {
  size_t n = (size_t)p->n, nfu = dc_energy_nfuels(), ns = 0, nu = 0, ng = 0;
  for (size_t k = 0; k < p->nsec; k++)
    if (p->sec[k].energy && !p->sec[k].imports) ns++, nu += p->sec[k].nuse, ng += p->sec[k].ngas;
  size_t nm = p->nmea;
  size_t nd = n * (2 + 12 + nfu + 2 * ns + 2 * nm);
  size_t bytes = align8(nd * sizeof(double)) + align8(ns * sizeof(dc_energy_sector)) +
                 align8(nu * sizeof(dc_energy_use)) + align8(ng * sizeof(dc_energy_gas)) +
                 align8(nm * sizeof(dc_energy_measure)) + align8((p->nsec + nm) * sizeof(int));
  if (bytes > p->escr_size) {
    void *a = dc_plan__realloc(p, p->escr, bytes);
    if (!a) return dc_plan__fail(p, "out of memory");
    p->escr = a;
    p->escr_size = bytes;
  }
  char *c = p->escr;
  double *d = (double *)c;
  c += align8(nd * sizeof(double));
  memset(es, 0, sizeof *es);
  es->sec = (dc_energy_sector *)c;
  c += align8(ns * sizeof(dc_energy_sector));
  dc_energy_use *use = (dc_energy_use *)c;
  c += align8(nu * sizeof(dc_energy_use));
  dc_energy_gas *gas = (dc_energy_gas *)c;
  c += align8(ng * sizeof(dc_energy_gas));
  es->mea = (dc_energy_measure *)c;
  c += align8(nm * sizeof(dc_energy_measure));
  es->secmap = (int *)c;
  es->meamap = es->secmap + p->nsec;
  double *gen_f = d, *gen_n = d + n;
  d += 2 * n;
  dc_energy_out *o = &es->out;
  double **outs[] = {&o->energy, &o->electricity, &o->coal, &o->imports, &o->primary,
                     &o->nonfossil_primary, &o->nonfossil_share, &o->co2, &o->ch4, &o->n2o,
                     &o->fgas_co2e, &o->co2e};
  for (size_t i = 0; i < sizeof outs / sizeof *outs; i++, d += n) *outs[i] = d;
  o->by_fuel = d, d += nfu * n;
  o->sector_co2e = d, d += ns * n;
  es->sector_co2 = o->sector_co2 = d, d += ns * n;
  o->measure_co2 = d; /* and after it the measures' weights (measures()) */
  if (p->met_e[EO_COAL] < 0) o->coal = NULL; /* no coal coefficient looked up */
  size_t j = 0;
  for (size_t k = 0; k < p->nsec; k++) {
    const sector_t *s = &p->sec[k];
    es->secmap[k] = -1;
    if (!s->energy || s->imports) continue;
    dc_energy_sector *e = &es->sec[j];
    es->secmap[k] = (int)j++;
    e->name = s->name;
    e->power = s->power;
    e->use = use;
    e->nuse = s->nuse;
    for (size_t u = 0; u < s->nuse; u++, use++) use->fuel = s->use[u].fuel, use->v = s->use[u].v;
    e->gas = gas;
    e->ngas = s->ngas;
    for (size_t u = 0; u < s->ngas; u++, gas++) gas->gas = s->gas[u].gas, gas->v = s->gas[u].v;
    e->grid = s->grid;
  }
  dc_energy_spec *sp = &es->spec;
  sp->plan = p->name;
  sp->y0 = p->y0;
  sp->n = n;
  sp->sec = es->sec;
  sp->nsec = ns;
  sp->mea = es->mea;
  sp->fac = p->fac;
  sp->nfac = p->nfac;
  sp->grid = p->grid;
  sp->heat_factor = p->heat_factor;
  sp->gen_fossil = gen_f;
  sp->gen_nonfossil = gen_n;
  sp->imports = p->imports;
  sp->imports_nonfossil = p->imports_nonfossil;
  sp->primary = p->primary;
  sp->want_primary = p->primary != DC_PRIMARY_NONE;
  sp->gwp = p->gwp;
  return 0;
}

/* G_f and G_n: each technology's generation (from mv, or in BAU from its
 * capacity x hours) split by fossil. 0 or -1. */
static int generation(dc_plan *p, escr_t *es, const double *mv) {
  size_t n = (size_t)p->n;
  double *gf = (double *)es->spec.gen_fossil, *gn = (double *)es->spec.gen_nonfossil;
  memset(gf, 0, n * sizeof *gf);
  memset(gn, 0, n * sizeof *gn);
  for (size_t k = 0; k < p->ntech; k++) {
    const tech_t *t = &p->tech[k];
    if (!t->hours) continue; /* a capacity without generation */
    if (!dc_plan__dims_eq(p->met[t->gen_metric].dims, POWER_DIMS))
      return dc_plan__fail(p, "generation of '%s' must be an energy per year for the plan's energy "
                              "accounting (give hours as \"1500 h/yr\")", t->name);
    if (t->fossil < 0 && p->primary != DC_PRIMARY_NONE)
      return dc_plan__fail(p, "it counts primary energy, but the name of technology '%s' does not "
                              "say whether it is fossil: say fossil = true or false on its "
                              "p:capacity", t->name);
    double *dst = t->fossil == 1 ? gf : gn;
    const double *g = mv ? mv + (size_t)t->gen_metric * n : NULL;
    for (size_t i = 0; i < n; i++) dst[i] += g ? g[i] : t->cap[i] * t->hours[i];
  }
  return 0;
}

static int account(dc_plan *p, escr_t *es) {
  dc_energy_error e;
  if (dc_energy_account(&es->spec, &es->out, &e)) return efail(p, &e);
  return 0;
}

/* the CO2 of net imports with a power sector (M x grid when M > 0; the
 * core adds the same to its co2): computed, not taken as the total less
 * the sectors, whose rounding would leave a negative residue */
static double imports_co2(const dc_plan *p, const escr_t *es, size_t i) {
  double m = es->out.imports[i];
  return p->npower && p->grid && m > 0 ? m * p->grid[i] : 0;
}

int dc_plan__energy_bau(dc_plan *p) {
  if (!p->have_energy || p->ebau_ok) return 0;
  escr_t es;
  if (scratch(p, &es) || generation(p, &es, NULL)) return -1;
  es.spec.nmea = 0;
  es.spec.want_primary = 0; /* the sectors' CO2 needs no primary energy */
  es.out.primary = es.out.nonfossil_primary = es.out.nonfossil_share = es.out.coal = NULL;
  if (account(p, &es)) return -1;
  size_t n = (size_t)p->n;
  for (size_t k = 0; k < p->nsec; k++) {
    sector_t *s = &p->sec[k];
    if (s->imports)
      for (size_t i = 0; i < n; i++) s->bau[i] = imports_co2(p, &es, i);
    else if (s->energy)
      memcpy(s->bau, es.out.sector_co2e + (size_t)es.secmap[k] * n, n * sizeof(double));
  }
  p->ebau_ok = 1;
  return 0;
}

/* the energy measures that run in scenario si, with their weights */
static void measures(dc_plan *p, int si, escr_t *es) {
  size_t n = (size_t)p->n, j = 0;
  double *wbase = es->out.measure_co2 + p->nmea * n; /* the rows after the wedges */
  for (size_t k = 0; k < p->nmea; k++) {
    const measure_t *m = &p->mea[k];
    if (!dc_plan__is_energy_kind(m->kind) || !dc_plan_measure_active(p, si, (int)k)) continue;
    dc_energy_measure *e = &es->mea[j];
    double *w = wbase + j * n;
    for (size_t i = 0; i < n; i++) w[i] = m->scale * m->w[i];
    e->name = m->name;
    e->kind = m->kind == DC_MEASURE_SWITCH ? DC_EM_SWITCH : DC_EM_SAVES;
    e->sector = es->secmap[m->sector];
    e->weight = w;
    e->fuel = m->fuel;
    e->amount = m->amount;
    e->from = m->from;
    e->to = m->to;
    e->share = m->share;
    e->efficiency = m->efficiency;
    es->meamap[j++] = (int)k;
  }
  es->spec.nmea = j;
}

static void energy_warning(dc_plan *p, scen_t *s, const escr_t *es) {
  const dc_energy_out *o = &es->out;
  if (!o->warn_year) return;
  int k = 0;
  for (size_t q = 0; q < p->nsec; q++)
    if (es->secmap[q] == o->warn_sector) k = (int)q;
  warn_t w = {k, o->warn_year, o->warn_year, -o->warn_value, o->warn_fuel};
  s->warn[s->nwarn++] = w;
}

/* the metrics' values from the core's outputs, and co2 of the whole plan */
static void put_metrics(dc_plan *p, double *mv, const scen_t *s, const escr_t *es) {
  size_t n = (size_t)p->n;
  const dc_energy_out *o = &es->out;
  const double *src[EO_FUEL] = {o->energy, o->electricity, o->coal ? o->coal : o->energy, o->primary,
                                o->nonfossil_share, o->co2, o->ch4, o->n2o};
  for (size_t i = 0; i < sizeof p->met_e / sizeof p->met_e[0]; i++) {
    if (p->met_e[i] < 0) continue;
    double *dst = mv + (size_t)p->met_e[i] * n;
    memcpy(dst, i < EO_FUEL ? src[i] : o->by_fuel + (i - EO_FUEL) * n, n * sizeof(double));
  }
  /* co2: the sectors the core does not know count as given (after their
     measures), less what measures abate from the plan's total */
  double *co2 = mv + (size_t)p->met_e[EO_CO2] * n;
  for (size_t k = 0; k < p->nsec; k++)
    if (!p->sec[k].energy)
      for (size_t i = 0; i < n; i++) co2[i] += mv[(size_t)p->sec[k].metric * n + i];
  for (size_t i = 0; i < n; i++) co2[i] -= s->pool[i];
}

int dc_plan__energy_eval(dc_plan *p, int si, double *mv) {
  if (!p->have_energy) return 0;
  scen_t *s = &p->scen[si];
  escr_t es;
  size_t n = (size_t)p->n;
  if (scratch(p, &es) || generation(p, &es, mv)) return -1;
  measures(p, si, &es);
  if (account(p, &es)) return -1;
  /* energy sectors: the core's value after measures, and what other
     measures did to them meanwhile (their value started at the BAU) */
  for (size_t k = 0; k < p->nsec; k++) {
    const sector_t *sec = &p->sec[k];
    if (!sec->energy) continue;
    double *v = mv + (size_t)sec->metric * n;
    const double *c = sec->imports ? NULL : es.out.sector_co2e + (size_t)es.secmap[k] * n;
    for (size_t i = 0; i < n; i++) v[i] += (c ? c[i] : imports_co2(p, &es, i)) - sec->bau[i];
  }
  for (size_t j = 0; j < es.spec.nmea; j++)
    memcpy(s->abate + (size_t)es.meamap[j] * n, es.out.measure_co2 + j * n, n * sizeof(double));
  energy_warning(p, s, &es);
  put_metrics(p, mv, s, &es);
  return 0;
}
