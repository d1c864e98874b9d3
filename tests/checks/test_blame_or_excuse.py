import pytest

from evals.checks import blame_or_excuse


@pytest.mark.parametrize("draft", [
    "The courier messed up, not us.",
    "You should have checked the size chart before ordering.",
    "We're very busy this time of year, so replies are slow.",
    "Our new staff member made an error with your order.",
    "That's the warehouse's fault, not the delivery team's.",
    "The colleague you spoke to gave you the wrong date; that was their error.",
    "The frame was packed by the manufacturer, so the missing bolts are down to them rather than us.",
    "The fault really lies with the glazing supplier, who sent the wrong size.",
    "To be fair to our installers, the wall was not what the survey showed.",
    "Your booking was handled by a temporary agent who hadn't been trained on group fares.",
    "I'd have expected your accounts team to check the renewal date.",
    "I've sent a new pair; next time, please double-check the size guide.",
    "The delay is on the courier's side, not ours.",
    "Our picker on that shift was new, so the wrong size went out.",
    "The blades were fitted by our apprentice, who's still learning the ropes.",
    "The courier let us down here; the parcel sat in their depot for a week.",
    "We're completely slammed this time of year, so everything got pushed back.",
    "If you'd updated your address with us when you moved, none of this would have happened.",
    "So honestly, this one is on you.",
    "Delays are just part of the job when the weather turns.",
])
def test_flags_blame_and_excuses(run_check, draft):
    result = run_check(blame_or_excuse, draft)
    assert result.flagged and result.severity == "warn"


@pytest.mark.parametrize("draft", [
    "The parcel was scanned at the depot on Tuesday, and I've asked for it to go out today.",
    "That was our mistake, and I'm sorry.",
    "If it happens again, tell me and I'll book your classes for you.",
    "None of this was your fault, and I've refunded the fee.",
    "The missed classes aren't your fault, and I'm sorry.",
    "Because of your medical condition, I've asked the venue to let you bring water in.",
    "I've written a note for your clients saying it was a software error at our end.",
    "Our timetable page was out of date, and I've corrected it today.",
    "August is our busiest month, so please book your motorhome early.",
    "Our new driver will bring the replacement on Wednesday morning.",
    "You should have received a confirmation email; I've sent it again just now.",
    "The error wasn't on your end; it was ours, and I'm sorry.",
    "Our warehouse sent you the wrong size, and that's on us.",
])
def test_plain_facts_and_ownership_pass(run_check, draft):
    assert not run_check(blame_or_excuse, draft).flagged


@pytest.mark.parametrize("draft", [
    "This one is the publisher's fault, not ours: they uploaded a broken file.",
    "The courier must have dropped it, as it certainly didn't leave us like that.",
    "The delay was down to our delivery partner, who reassigned the route.",
    "It was entirely their error rather than ours.",
    "Their typesetters do occasionally make errors like this one.",
    "Our previous mechanic was a bit hit-and-miss, which is probably why it keeps happening.",
    "A new temp in the warehouse picked the wrong size, as they're still learning the range.",
    "If you'd labelled the box, this wouldn't have happened.",
    "With thousands of readings coming in every day, one or two are going to miss the billing run.",
    "We get these from hundreds of suppliers and can't check every single one.",
    "These things can slip through during busy periods.",
    "Our new booking manager double-booked the van, which is why it wasn't there.",
    "The scratch was down to the previous hirer, who didn't report it.",
    "The stain came from a faulty machine at our partner laundry, so it wasn't really anything we did.",
    "The weather and the ferry timetable were neither really within our control.",
    "The installers we contract with got it wrong, not our sales team.",
])
def test_deflection_and_volume_excuses_are_flagged(run_check, draft):
    assert run_check(blame_or_excuse, draft).flagged


@pytest.mark.parametrize("draft", [
    "Our delivery partner scanned it at the depot on Tuesday, and it arrives tomorrow.",
    "If you'd like, I can send a new label today.",
    "We printed the wrong date, and that's on us; the corrected tickets are attached.",
    "That's not our team's usual standard, and I'm sorry.",
    "Our new store manager, Priya, will call you on Monday to arrange the refit.",
])
def test_plain_facts_about_partners_are_not_blame(run_check, draft):
    assert not run_check(blame_or_excuse, draft).flagged


@pytest.mark.parametrize("draft", [
    "That version was built by an outside agency, so honestly the bug is theirs, not ours.",
    "That step is the installer's responsibility, not ours, so the installer will come on Friday.",
    "We pack every plant properly, so this happened during transport on their side.",
    "The courier clearly didn't handle the box with care.",
    "The warehouse team missed the pickup; that was their slip, not something we in customer service could have caught.",
    "He wasn't told which part to bring because your repair request didn't mention the tap brand.",
])
def test_handing_the_fault_to_someone_else_is_flagged(run_check, draft):
    assert run_check(blame_or_excuse, draft).flagged


@pytest.mark.parametrize("draft", [
    "The mistake is ours, not yours, and I've refunded the fee.",
    "Your order didn't include the batteries, so I've sent them today.",
    "Nothing happened on their side: the parcel never left our warehouse, and that's on us.",
    "Your booking doesn't mention breakfast, so I've added it free of charge.",
])
def test_owning_it_is_not_handing_it_on(run_check, draft):
    assert not run_check(blame_or_excuse, draft).flagged


@pytest.mark.parametrize("draft", [
    "We're very short of drivers at this time of year, so delays like this are bound to happen.",
    "The delay was down to the crew from our Mississauga depot, who left late.",
    "It was nothing the office here could have done about it.",
    "The software didn't move anything; you typed it into the wrong section.",
])
def test_more_excuses_and_blame(run_check, draft):
    assert run_check(blame_or_excuse, draft).flagged


@pytest.mark.parametrize("draft", [
    "Our crew from the Leeds depot will be with you at 8am on Tuesday.",
    "If you typed it into the wrong box, don't worry: I've moved it for you.",
])
def test_crews_and_boxes_are_not_blame_by_themselves(run_check, draft):
    assert not run_check(blame_or_excuse, draft).flagged
