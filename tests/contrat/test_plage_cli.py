"""Plage de la loi dans le CLI `simulate` : période hors plage refusée (code 2) avant tout travail, et droit constant
explicite (`--droit-constant`), dit dans le rapport."""

import pytest

from openfisca_secu.microsimulation.cli import main


def _simuler(tmp_path, capsys, periode, *options):
    sortie = tmp_path / "sortie"
    code = main(["simulate", "--period", periode, "--size", "50", "--output", str(sortie), "--no-plots", *options])
    sorties = capsys.readouterr()
    return code, sorties.out, sorties.err, sortie


@pytest.mark.parametrize("periode", ["2011-12", "2005", "2027-01", "2030"])
def test_periode_hors_plage_refusee(tmp_path, capsys, periode):
    code, _, erreur, sortie = _simuler(tmp_path, capsys, periode)
    assert code == 2
    assert f"--period {periode}" in erreur
    assert "2012-01 à 2026-12" in erreur
    assert not list(sortie.glob("*.parquet"))  # refusée avant la population synthétique


def test_apres_2026_le_message_propose_le_droit_constant(tmp_path, capsys):
    _, _, erreur, _ = _simuler(tmp_path, capsys, "2027-01")
    assert "--droit-constant" in erreur


def test_droit_constant_dit_dans_le_rapport(tmp_path, capsys):
    code, sortie, _, dossier = _simuler(tmp_path, capsys, "2028-03", "--droit-constant")
    assert code == 0
    assert "Loi appliquée : droit constant" in sortie
    assert "décembre 2026" in (dossier / "rapport.md").read_text()


def test_legislation_de_la_periode_dite_dans_le_rapport(tmp_path, capsys):
    code, sortie, _, _ = _simuler(tmp_path, capsys, "2024-03")
    assert code == 0
    assert "Loi appliquée : la législation en vigueur chaque mois de la période" in sortie


def test_droit_constant_ne_couvre_pas_avant_2012(tmp_path, capsys):
    code, _, erreur, _ = _simuler(tmp_path, capsys, "2011-06", "--droit-constant")
    assert code == 2
    assert "2012-01 à 2026-12" in erreur
