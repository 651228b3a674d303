"""Réformes d'exemple : chacune est une sous-classe de `Reform` dans son propre module, testée dans tests/reforms/.

    openfisca serve --country-package openfisca_secu \\
        --reforms openfisca_secu.reforms.reduction_generale_recentree.reduction_generale_recentree
    openfisca-secu simulate population.parquet --period 2024 --reform reduction_generale_recentree --output out/
"""
