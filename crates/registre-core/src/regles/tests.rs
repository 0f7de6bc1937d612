//! Scenarios per rule, built from the reference séance (Pézilla-la-Rivière,
//! 15 May 2024) with one thing changed each time.

use chrono::NaiveDate;

use super::*;
use crate::comptes::comptes_deliberation;
use crate::demo;
use crate::domaine::{
    EtatPresence, NonParticipation, Presence, Scrutin, Sens, Vote, VoteNominatif,
};
use crate::echange::DonneesRegistre;

fn reference() -> DonneesRegistre {
    demo::donnees()
}

/// The diagnostics of the register's first deliberation.
fn diagnostics(r: &DonneesRegistre) -> Vec<Diagnostic> {
    verifier_deliberation(
        r.commune.as_ref().unwrap(),
        &r.elus,
        &r.seances[0],
        &r.deliberations[0],
    )
}

fn codes(r: &DonneesRegistre) -> Vec<CodeDiagnostic> {
    diagnostics(r).into_iter().map(|d| d.code).collect()
}

fn erreurs(r: &DonneesRegistre) -> Vec<CodeDiagnostic> {
    diagnostics(r)
        .into_iter()
        .filter(|d| d.gravite == Gravite::Erreur)
        .map(|d| d.code)
        .collect()
}

fn le(d: &str) -> NaiveDate {
    d.parse().unwrap()
}

/// Marks the first `n` members present at the opening as absent excusé.
fn rendre_absents(r: &mut DonneesRegistre, n: usize) {
    let mut restants = n;
    for p in r.seances[0].presences.iter_mut() {
        if restants > 0
            && p.etat == EtatPresence::Present
            && p.elu != "billes-jean-paul"
            && p.elu != "barbera-laurence"
            && p.elu != "paloffis-guy"
        {
            p.etat = EtatPresence::AbsentExcuse;
            restants -= 1;
        }
    }
}

fn detail(pour: u32, contre: u32, abstentions: u32) -> Vote {
    Vote::Detail {
        pour,
        contre,
        abstentions,
        blancs_nuls: 0,
    }
}

#[test]
fn la_seance_de_reference_passe_sans_erreur_ni_avertissement() {
    let d = diagnostics(&reference());
    assert!(d.is_empty(), "{d:#?}");
}

#[test]
fn quorum_a_14_presents_sur_27_atteint_a_13_non() {
    let mut r = reference();
    rendre_absents(&mut r, 22 - 14);
    assert_eq!(
        comptes_deliberation(&r.seances[0], &r.deliberations[0], &r.elus).presents,
        14
    );
    r.deliberations[0].vote = detail(15, 0, 0);
    assert!(
        !codes(&r).contains(&CodeDiagnostic::QuorumNonAtteint),
        "{:?}",
        codes(&r)
    );
    rendre_absents(&mut r, 1);
    r.deliberations[0].vote = Vote::Unanimite;
    assert!(erreurs(&r).contains(&CodeDiagnostic::QuorumNonAtteint));
}

#[test]
fn les_pouvoirs_ne_comptent_pas_pour_le_quorum() {
    let mut r = reference();
    // 13 present and 9 represented: 22 votants, still no quorum.
    let mut n = 0;
    for p in r.seances[0].presences.iter_mut() {
        if p.etat == EtatPresence::Present
            && ![
                "billes-jean-paul",
                "barbera-laurence",
                "paloffis-guy",
                "carola-karine",
            ]
            .contains(&p.elu.as_str())
            && n < 9
        {
            p.etat = EtatPresence::AbsentExcuse;
            n += 1;
        }
    }
    assert!(erreurs(&r).contains(&CodeDiagnostic::QuorumNonAtteint));
}

#[test]
fn sur_reconvocation_le_quorum_n_est_plus_exige_mais_le_delai_de_trois_jours_francs_l_est() {
    let mut r = reference();
    rendre_absents(&mut r, 12);
    r.seances[0].sur_reconvocation = true;
    let c = codes(&r);
    assert!(!c.contains(&CodeDiagnostic::QuorumNonAtteint));
    assert!(c.contains(&CodeDiagnostic::ReconvocationSansQuorum));
    r.seances[0].date_convocation = le("2024-05-12"); // 2 jours francs: 13 and 14 May
    assert!(erreurs(&r).contains(&CodeDiagnostic::ReconvocationTropProche));
    r.seances[0].date_convocation = le("2024-05-11");
    assert!(!erreurs(&r).contains(&CodeDiagnostic::ReconvocationTropProche));
}

#[test]
fn jours_francs_excluent_le_jour_d_envoi_et_celui_de_la_seance() {
    assert_eq!(jours_francs(le("2024-05-07"), le("2024-05-15")), 7);
    // Sent on Monday, 3 jours francs: Friday at the earliest.
    assert_eq!(jours_francs(le("2024-05-06"), le("2024-05-10")), 3);
    assert_eq!(jours_francs(le("2024-05-06"), le("2024-05-07")), 0);
}

#[test]
fn delai_de_cinq_jours_francs_exactement_suffit_quatre_non() {
    let mut r = reference();
    r.seances[0].date_convocation = le("2024-05-09"); // 10..14 May: 5 jours francs
    assert!(!codes(&r).contains(&CodeDiagnostic::DelaiConvocationInsuffisant));
    r.seances[0].date_convocation = le("2024-05-10");
    assert!(erreurs(&r).contains(&CodeDiagnostic::DelaiConvocationInsuffisant));
}

#[test]
fn delai_de_trois_jours_sous_3500_habitants() {
    let mut r = reference();
    r.seances[0].date_convocation = le("2024-05-11"); // 3 jours francs
    r.commune.as_mut().unwrap().population = 3_499;
    assert!(!codes(&r).contains(&CodeDiagnostic::DelaiConvocationInsuffisant));
    r.commune.as_mut().unwrap().population = 3_500;
    assert!(erreurs(&r).contains(&CodeDiagnostic::DelaiConvocationInsuffisant));
}

#[test]
fn en_urgence_un_jour_franc_suffit_zero_non() {
    let mut r = reference();
    r.seances[0].urgence = true;
    r.seances[0].date_convocation = le("2024-05-13");
    let c = codes(&r);
    assert!(c.contains(&CodeDiagnostic::ConvocationEnUrgence));
    assert!(!erreurs(&r).contains(&CodeDiagnostic::DelaiUrgenceInsuffisant));
    r.seances[0].date_convocation = le("2024-05-14");
    assert!(erreurs(&r).contains(&CodeDiagnostic::DelaiUrgenceInsuffisant));
}

#[test]
fn un_membre_ne_peut_detenir_qu_un_pouvoir() {
    let mut r = reference();
    let p = r.seances[0]
        .presences
        .iter_mut()
        .find(|p| p.elu == "olive-nicolas")
        .unwrap();
    p.etat = EtatPresence::Represente {
        mandataire: "paloffis-guy".into(),
    };
    assert!(erreurs(&r).contains(&CodeDiagnostic::PouvoirsMultiples));
}

#[test]
fn un_pouvoir_donne_a_un_absent_est_signale() {
    let mut r = reference();
    let p = r.seances[0]
        .presences
        .iter_mut()
        .find(|p| p.elu == "escape-yves")
        .unwrap();
    p.etat = EtatPresence::Represente {
        mandataire: "olive-nicolas".into(),
    };
    assert!(erreurs(&r).contains(&CodeDiagnostic::PouvoirAUnAbsent));
}

#[test]
fn le_depart_du_mandataire_en_cours_de_seance_rend_le_pouvoir_inexercable() {
    let mut r = reference();
    r.deliberations[0].mouvements.push(Presence {
        elu: "paloffis-guy".into(),
        etat: EtatPresence::AbsentExcuse,
    });
    let c = comptes_deliberation(&r.seances[0], &r.deliberations[0], &r.elus);
    assert_eq!((c.presents, c.absents), (21, 6));
    assert!(erreurs(&r).contains(&CodeDiagnostic::PouvoirAUnAbsent));
}

#[test]
fn secretaire_ou_rapporteur_absent_pour_le_point() {
    let mut r = reference();
    r.deliberations[0].mouvements = vec![
        Presence {
            elu: "barbera-laurence".into(),
            etat: EtatPresence::AbsentExcuse,
        },
        Presence {
            elu: "carola-karine".into(),
            etat: EtatPresence::Absent,
        },
    ];
    r.deliberations[0].vote = detail(21, 0, 0);
    let c = codes(&r);
    assert!(c.contains(&CodeDiagnostic::SecretaireAbsent), "{c:?}");
    assert!(c.contains(&CodeDiagnostic::RapporteurAbsent), "{c:?}");
}

#[test]
fn sans_secretaire_la_signature_post_2022_est_impossible() {
    let mut r = reference();
    r.seances[0].secretaires.clear();
    assert!(erreurs(&r).contains(&CodeDiagnostic::SecretaireManquant));
}

#[test]
fn le_total_des_voix_doit_egaler_les_votants() {
    let mut r = reference();
    r.deliberations[0].vote = detail(20, 1, 2);
    assert!(!codes(&r).contains(&CodeDiagnostic::TotalDesVoixIncoherent));
    r.deliberations[0].vote = detail(20, 1, 1);
    assert!(erreurs(&r).contains(&CodeDiagnostic::TotalDesVoixIncoherent));
}

#[test]
fn un_membre_qui_ne_prend_pas_part_ne_doit_pas_etre_compte() {
    let mut r = reference();
    r.deliberations[0]
        .ne_prennent_pas_part
        .push(NonParticipation {
            elu: "fons-blaise".into(),
            motif: "président de l'association bénéficiaire".into(),
        });
    r.deliberations[0].vote = detail(22, 0, 0);
    assert!(
        !codes(&r).contains(&CodeDiagnostic::NonParticipantCompte),
        "{:?}",
        codes(&r)
    );
    r.deliberations[0].vote = detail(23, 0, 0);
    assert!(erreurs(&r).contains(&CodeDiagnostic::NonParticipantCompte));
}

#[test]
fn un_non_participant_qui_detient_un_pouvoir_est_averti() {
    let mut r = reference();
    r.deliberations[0]
        .ne_prennent_pas_part
        .push(NonParticipation {
            elu: "paloffis-guy".into(),
            motif: "intérêt personnel".into(),
        });
    assert!(codes(&r).contains(&CodeDiagnostic::NonParticipantMandataire));
}

#[test]
fn unanimite_declaree_avec_une_voix_contre() {
    let mut r = reference();
    r.deliberations[0].scrutin = Scrutin::Public;
    r.deliberations[0].votes_nominatifs = vec![VoteNominatif {
        elu: "pique-nathalie".into(),
        sens: Sens::Contre,
    }];
    assert!(erreurs(&r).contains(&CodeDiagnostic::UnanimiteAvecVoixDiscordantes));
}

#[test]
fn egalite_la_voix_du_president_est_preponderante_sauf_au_scrutin_secret() {
    let mut r = reference();
    r.deliberations[0].vote = detail(11, 11, 1);
    assert_eq!(
        issue_du_vote(&r.deliberations[0], "billes-jean-paul"),
        IssueVote::Indeterminee
    );
    assert!(codes(&r).contains(&CodeDiagnostic::EgaliteSansVoixDuPresident));
    r.deliberations[0].vote_du_president = Some(Sens::Pour);
    assert_eq!(
        issue_du_vote(&r.deliberations[0], "billes-jean-paul"),
        IssueVote::Adoptee
    );
    r.deliberations[0].vote_du_president = Some(Sens::Contre);
    assert_eq!(
        issue_du_vote(&r.deliberations[0], "billes-jean-paul"),
        IssueVote::Rejetee
    );
    r.deliberations[0].vote_du_president = Some(Sens::Pour);
    r.deliberations[0].scrutin = Scrutin::Secret;
    assert_eq!(
        issue_du_vote(&r.deliberations[0], "billes-jean-paul"),
        IssueVote::Rejetee
    );
}

#[test]
fn majorite_absolue_des_suffrages_exprimes_les_abstentions_ne_comptent_pas() {
    let mut r = reference();
    r.deliberations[0].vote = detail(4, 0, 19);
    assert_eq!(
        issue_du_vote(&r.deliberations[0], "billes-jean-paul"),
        IssueVote::Adoptee
    );
    r.deliberations[0].vote = detail(10, 12, 1);
    assert_eq!(
        issue_du_vote(&r.deliberations[0], "billes-jean-paul"),
        IssueVote::Rejetee
    );
    assert!(codes(&r).contains(&CodeDiagnostic::DeliberationRejetee));
}

#[test]
fn un_elu_en_exercice_sans_etat_de_presence_fausse_les_comptes() {
    let mut r = reference();
    r.seances[0]
        .presences
        .retain(|p| p.elu != "sarrazin-evelyne");
    assert!(erreurs(&r).contains(&CodeDiagnostic::EluSansEtatDePresence));
}

#[test]
fn une_presence_hors_mandat_est_signalee_et_une_vacance_baisse_les_membres_en_exercice() {
    let mut r = reference();
    let e = r
        .elus
        .iter_mut()
        .find(|e| e.id == "sarrazin-evelyne")
        .unwrap();
    e.mandat_fin = Some(le("2024-03-31"));
    assert!(erreurs(&r).contains(&CodeDiagnostic::PresenceHorsMandat));
    r.seances[0]
        .presences
        .retain(|p| p.elu != "sarrazin-evelyne");
    assert!(erreurs(&r).is_empty(), "{:?}", erreurs(&r));
    assert!(codes(&r).contains(&CodeDiagnostic::SiegesVacants));
    assert_eq!(
        comptes_deliberation(&r.seances[0], &r.deliberations[0], &r.elus).en_exercice,
        26
    );
}

#[test]
fn scrutin_public_exige_les_noms_et_des_comptes_concordants() {
    let mut r = reference();
    r.deliberations[0].scrutin = Scrutin::Public;
    assert!(codes(&r).contains(&CodeDiagnostic::ScrutinPublicSansNoms));
    r.deliberations[0].vote = detail(1, 0, 0);
    r.deliberations[0].votes_nominatifs = vec![VoteNominatif {
        elu: "olive-nicolas".into(),
        sens: Sens::Pour,
    }];
    assert!(erreurs(&r).contains(&CodeDiagnostic::VoteNominatifIncoherent));
}

#[test]
fn bulletins_blancs_hors_scrutin_secret() {
    let mut r = reference();
    r.deliberations[0].vote = Vote::Detail {
        pour: 20,
        contre: 1,
        abstentions: 0,
        blancs_nuls: 2,
    };
    assert!(codes(&r).contains(&CodeDiagnostic::BlancsNulsHorsScrutinSecret));
    r.deliberations[0].scrutin = Scrutin::Secret;
    assert!(!codes(&r).contains(&CodeDiagnostic::BlancsNulsHorsScrutinSecret));
}

#[test]
fn un_effectif_en_exercice_superieur_au_bareme_est_une_erreur() {
    let mut r = reference();
    r.commune.as_mut().unwrap().population = 3_000; // 23 seats
    assert!(erreurs(&r).contains(&CodeDiagnostic::EffectifSuperieurAuLegal));
}

/// Property: under any attendance, présents + absents = en exercice,
/// votants = présents + représentés − non-participants, and the pouvoirs
/// never exceed the absents. A small deterministic generator stands in for a
/// property-testing crate.
#[test]
fn les_comptes_restent_coherents_sous_toute_presence() {
    let base = reference();
    let mut graine: u64 = 0x5eed_2024;
    let mut suivant = || {
        graine ^= graine << 13;
        graine ^= graine >> 7;
        graine ^= graine << 17;
        graine
    };
    for _ in 0..2_000 {
        let mut r = base.clone();
        let ids: Vec<String> = r.elus.iter().map(|e| e.id.clone()).collect();
        for p in r.seances[0].presences.iter_mut() {
            p.etat = match suivant() % 4 {
                0 => EtatPresence::Present,
                1 => EtatPresence::AbsentExcuse,
                2 => EtatPresence::Absent,
                _ => EtatPresence::Represente {
                    mandataire: ids[(suivant() % ids.len() as u64) as usize].clone(),
                },
            };
        }
        if suivant() % 2 == 0 {
            r.deliberations[0]
                .ne_prennent_pas_part
                .push(NonParticipation {
                    elu: ids[(suivant() % ids.len() as u64) as usize].clone(),
                    motif: "test".into(),
                });
        }
        let c = comptes_deliberation(&r.seances[0], &r.deliberations[0], &r.elus);
        assert_eq!(c.presents + c.absents, c.en_exercice);
        assert_eq!(
            c.votants + c.ne_prennent_pas_part,
            c.presents + c.representes
        );
        assert!(c.representes <= c.absents);
        assert!(c.ne_prennent_pas_part <= 1);
        // The checks never panic, whatever the attendance.
        let _ = codes(&r);
    }
}

#[test]
fn la_seance_de_reference_a_l_ouverture_passe_sans_anomalie() {
    let r = reference();
    let d = verifier_seance(r.commune.as_ref().unwrap(), &r.elus, &r.seances[0]);
    assert!(d.is_empty(), "{d:#?}");
}

#[test]
fn a_l_ouverture_le_controle_de_la_seance_voit_quorum_et_pouvoirs() {
    let mut r = reference();
    let p = r.seances[0]
        .presences
        .iter_mut()
        .find(|p| p.elu == "olive-nicolas")
        .unwrap();
    p.etat = EtatPresence::Represente {
        mandataire: "paloffis-guy".into(),
    };
    rendre_absents(&mut r, 9);
    let d = verifier_seance(r.commune.as_ref().unwrap(), &r.elus, &r.seances[0]);
    let codes: Vec<_> = d.iter().map(|x| x.code).collect();
    assert!(
        codes.contains(&CodeDiagnostic::PouvoirsMultiples),
        "{codes:?}"
    );
    assert!(
        codes.contains(&CodeDiagnostic::QuorumNonAtteint),
        "{codes:?}"
    );
    assert!(
        d.iter()
            .any(|x| x.message.contains("à l'ouverture de la séance")),
        "{d:#?}"
    );
}
