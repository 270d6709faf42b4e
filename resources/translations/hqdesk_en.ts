<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ContactDialog</name>
    <message numerus="yes">
        <source>Next birthday: {date}, in %n day(s)</source>
        <translation>
            <numerusform>Next birthday: {date}, in %n day</numerusform><numerusform>Next birthday: {date}, in %n days</numerusform></translation>
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
    <name>ProfileEditor</name>
    <message numerus="yes">
        <source>Contacts (%n)</source>
        <translation>
            <numerusform>Contacts (%n)</numerusform><numerusform>Contacts (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Stores (%n)</source>
        <translation>
            <numerusform>Stores (%n)</numerusform><numerusform>Stores (%n)</numerusform></translation>
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
    <name>UsersView</name>
    <message numerus="yes">
        <source>%n user(s), {active} active</source>
        <translation>
            <numerusform>%n user, {active} active</numerusform><numerusform>%n users, {active} active</numerusform></translation>
    </message>
</context>
</TS>