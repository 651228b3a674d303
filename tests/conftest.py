import pytest

from openfisca_secu import CountryTaxBenefitSystem


@pytest.fixture(scope="session")
def systeme():
    return CountryTaxBenefitSystem()
