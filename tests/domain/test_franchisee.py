def test_cleaned_franchisee_is_clean_franchisee_built_once():
    from hqdesk.domain.franchisee import FranchiseeData, clean_franchisee, cleaned_franchisee

    values = {
        "code": " F1 ",
        "legal_name": " 公司 ",
        "city": "杭州",
        "uscc": " 91330100msa0000001 ",
        "tags": " 甲 , 乙,甲",
    }
    assert cleaned_franchisee(dict(values)) == clean_franchisee(FranchiseeData(**values))
