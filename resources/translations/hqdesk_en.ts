<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AgendaView</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform><numerusform>%n events</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Contract renewals show %n day(s) ahead</source>
        <translation>
            <numerusform>Contract renewals show %n day ahead</numerusform><numerusform>Contract renewals show %n days ahead</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported</source>
        <translation>
            <numerusform>%n event exported</numerusform><numerusform>%n events exported</numerusform></translation>
    </message>
</context>
<context>
    <name>AgingView</name>
    <message numerus="yes">
        <source>%n franchisee(s) with money open as of {date}.</source>
        <translation>
            <numerusform>%n franchisee with money open as of {date}.</numerusform><numerusform>%n franchisees with money open as of {date}.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s), {amount} in all</source>
        <translation>
            <numerusform>%n document, {amount} in all</numerusform><numerusform>%n documents, {amount} in all</numerusform></translation>
    </message>
</context>
<context>
    <name>AnalyticsFilterBar</name>
    <message numerus="yes">
        <source>Last %n month(s)</source>
        <translation>
            <numerusform>Last %n month</numerusform><numerusform>Last %n months</numerusform></translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message numerus="yes">
        <source>%n franchisee(s) changed.</source>
        <translation>
            <numerusform>%n franchisee changed.</numerusform><numerusform>%n franchisees changed.</numerusform></translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message numerus="yes">
        <source>Applies to %n selected franchisee(s). All of them change, or none.</source>
        <translation>
            <numerusform>Applies to %n selected franchisee. All of them change, or none.</numerusform><numerusform>Applies to %n selected franchisees. All of them change, or none.</numerusform></translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message numerus="yes">
        <source>%n problem(s) to fix in the file: nothing can be imported until they are fixed.</source>
        <translation>
            <numerusform>%n problem to fix in the file: nothing can be imported until they are fixed.</numerusform><numerusform>%n problems to fix in the file: nothing can be imported until they are fixed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Every row is fine, and none is in hqdesk yet: Import will create all %n.</source>
        <translation>
            <numerusform>Every row is fine, and none is in hqdesk yet: Import will create all %n.</numerusform><numerusform>Every row is fine, and none is in hqdesk yet: Import will create all %n.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Problems: %n</source>
        <translation>
            <numerusform>Problems: %n</numerusform><numerusform>Problems: %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) already in hqdesk</source>
        <translation>
            <numerusform>%n row already in hqdesk</numerusform><numerusform>%n rows already in hqdesk</numerusform></translation>
    </message>
</context>
<context>
    <name>ComplaintsView</name>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n complaint</numerusform><numerusform>%n complaints</numerusform></translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message numerus="yes">
        <source>Next birthday: {date}, in %n day(s)</source>
        <translation>
            <numerusform>Next birthday: {date}, in %n day</numerusform><numerusform>Next birthday: {date}, in %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>DueVisitsModel</name>
    <message numerus="yes">
        <source>⚠ Overdue by %n day(s)</source>
        <translation>
            <numerusform>⚠ Overdue by %n day</numerusform><numerusform>⚠ Overdue by %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>In %n day</numerusform><numerusform>In %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>FranchiseeFilterBar</name>
    <message numerus="yes">
        <source>%n statuses</source>
        <translation>
            <numerusform>%n statuses</numerusform><numerusform>%n statuses</numerusform></translation>
    </message>
</context>
<context>
    <name>FranchiseeListModel</name>
    <message numerus="yes">
        <source>The contract ended on {date}, %n day(s) ago.</source>
        <translation>
            <numerusform>The contract ended on {date}, %n day ago.</numerusform><numerusform>The contract ended on {date}, %n days ago.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The contract ends in %n day(s).</source>
        <translation>
            <numerusform>The contract ends in %n day.</numerusform><numerusform>The contract ends in %n days.</numerusform></translation>
    </message>
</context>
<context>
    <name>FranchiseesView</name>
    <message numerus="yes">
        <source>%n franchisee(s)</source>
        <translation>
            <numerusform>%n franchisee</numerusform><numerusform>%n franchisees</numerusform></translation>
    </message>
</context>
<context>
    <name>HealthAnalyticsView</name>
    <message numerus="yes">
        <source>%n franchisee(s) at risk of leaving</source>
        <translation>
            <numerusform>%n franchisee at risk of leaving</numerusform><numerusform>%n franchisees at risk of leaving</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform><numerusform>%n active</numerusform></translation>
    </message>
</context>
<context>
    <name>LettersForm</name>
    <message numerus="yes">
        <source>%n franchisee(s) picked</source>
        <translation>
            <numerusform>%n franchisee picked</numerusform><numerusform>%n franchisees picked</numerusform></translation>
    </message>
</context>
<context>
    <name>LettersView</name>
    <message numerus="yes">
        <source>%n letter(s) to write</source>
        <translation>
            <numerusform>%n letter to write</numerusform><numerusform>%n letters to write</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform><numerusform>%n skipped</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n with a warning</source>
        <translation>
            <numerusform>%n with a warning</numerusform><numerusform>%n with a warning</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) written</source>
        <translation>
            <numerusform>%n letter written</numerusform><numerusform>%n letters written</numerusform></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message numerus="yes">
        <source>%n data row(s)</source>
        <translation>
            <numerusform>%n data row</numerusform><numerusform>%n data rows</numerusform></translation>
    </message>
</context>
<context>
    <name>ReceivablesAnalyticsView</name>
    <message numerus="yes">
        <source>%n franchisee(s) owing money without a credit limit</source>
        <translation>
            <numerusform>%n franchisee owing money without a credit limit</numerusform><numerusform>%n franchisees owing money without a credit limit</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n franchisee(s)</source>
        <translation>
            <numerusform>%n franchisee</numerusform><numerusform>%n franchisees</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Credit-limit use {band}: %n franchisee(s)</source>
        <translation>
            <numerusform>Credit-limit use {band}: %n franchisee</numerusform><numerusform>Credit-limit use {band}: %n franchisees</numerusform></translation>
    </message>
</context>
<context>
    <name>RelationshipAnalyticsView</name>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n complaint</numerusform><numerusform>%n complaints</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message numerus="yes">
        <source>%n row(s) written…</source>
        <translation>
            <numerusform>%n row written…</numerusform><numerusform>%n rows written…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to {file}</source>
        <translation>
            <numerusform>%n row written to {file}</numerusform><numerusform>%n rows written to {file}</numerusform></translation>
    </message>
</context>
<context>
    <name>TiersEditor</name>
    <message numerus="yes">
        <source>The tier {code} is given to %n franchisee(s); give them another tier first.</source>
        <translation>
            <numerusform>The tier {code} is given to %n franchisee; give them another tier first.</numerusform><numerusform>The tier {code} is given to %n franchisees; give them another tier first.</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message numerus="yes">
        <source>Hand their %n franchisee(s) over to</source>
        <translation>
            <numerusform>Hand their %n franchisee over to</numerusform><numerusform>Hand their %n franchisees over to</numerusform></translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message numerus="yes">
        <source>%n user(s), {active} active</source>
        <translation>
            <numerusform>%n user, {active} active</numerusform><numerusform>%n users, {active} active</numerusform></translation>
    </message>
</context>
<context>
    <name>VisitCadencePage</name>
    <message numerus="yes">
        <source> month(s)</source>
        <translation>
            <numerusform> month</numerusform><numerusform> months</numerusform></translation>
    </message>
</context>
<context>
    <name>VisitPlanDialog</name>
    <message numerus="yes">
        <source> month(s)</source>
        <translation>
            <numerusform> month</numerusform><numerusform> months</numerusform></translation>
    </message>
</context>
<context>
    <name>VisitPlanText</name>
    <message numerus="yes">
        <source>every %n month(s)</source>
        <translation>
            <numerusform>every %n month</numerusform><numerusform>every %n months</numerusform></translation>
    </message>
</context>
<context>
    <name>VisitsView</name>
    <message numerus="yes">
        <source>%n franchisee(s) to visit</source>
        <translation>
            <numerusform>%n franchisee to visit</numerusform><numerusform>%n franchisees to visit</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform><numerusform>%n overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform><numerusform>%n visits</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform><numerusform>%n suggestions</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>showing those of the latest visits, %n of them: choose a status or an account manager to see the rest</source>
        <translation>
            <numerusform>showing those of the latest visits, %n of them: choose a status or an account manager to see the rest</numerusform><numerusform>showing those of the latest visits, %n of them: choose a status or an account manager to see the rest</numerusform></translation>
    </message>
</context>
</TS>